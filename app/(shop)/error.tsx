"use client";

export default function ShopError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="container">
      <div className="empty-state" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">The store could not load this page. Please try again in a moment.</p>
        <button type="button" className="button button--primary" onClick={reset}>
          Try again
        </button>
      </div>
    </div>
  );
}
