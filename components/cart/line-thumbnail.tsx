export function LineThumbnail({ src, size = 88 }: { src: string | null; size?: number }) {
  return (
    <div className="line-thumb" style={{ width: size, height: size }}>
      {src ? (
        <img src={src} alt="" width={size} height={size} />
      ) : null}
    </div>
  );
}
