// An error the shopper must notice: announced at once by screen readers.
export function ErrorMessage({ children, id }: { children: React.ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <div role="alert" className="notice notice--error" id={id}>
      {children}
    </div>
  );
}
