import Link from "next/link";

export default function NotFound() {
  return (
    <div className="container">
      <div className="empty-state">
        <p className="hero__eyebrow">404</p>
        <h1>We could not find that page</h1>
        <p className="muted">The link may be old, or the product is no longer in our shop.</p>
        <Link href="/" className="button button--primary">
          Back to the shop
        </Link>
      </div>
    </div>
  );
}
