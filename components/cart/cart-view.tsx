"use client";
import Link from "next/link";
import { CartLine } from "./cart-line";
import { useCart } from "./cart-provider";
import { CartTotals } from "./cart-totals";
import { DiscountCodeForm, GiftCardForm } from "./discount-code-form";
import { FreeShippingHint } from "./free-shipping-hint";

export function CartView() {
  const { cart, region, itemCount, pending } = useCart();
  const items = cart?.items ?? [];

  if (!cart || items.length === 0) {
    return (
      <div className="empty-state" data-testid="empty-cart">
        <h1>Your cart is empty</h1>
        <p className="muted">Find something you love and it will wait for you here.</p>
        <Link href="/" className="button button--primary">
          Continue shopping
        </Link>
      </div>
    );
  }

  const currencyCode = cart.region.currency_code;
  return (
    <div className="cart-page">
      <div className="cart-page__main">
        <h1>
          Your cart <span className="muted cart-page__count">({itemCount === 1 ? "1 item" : `${itemCount} items`})</span>
        </h1>
        <ul className="cart-lines" aria-label="Items in your cart" aria-busy={pending}>
          {[...items]
            .sort((a, b) => String(a.created_at).localeCompare(String(b.created_at)))
            .map((item) => (
              <CartLine key={item.id} item={item} currencyCode={currencyCode} />
            ))}
        </ul>
      </div>
      <aside className="cart-page__summary summary-card" aria-labelledby="cart-summary-title">
        <h2 id="cart-summary-title">Order summary</h2>
        <FreeShippingHint regionId={region.id} subtotal={cart.summary.items} currencyCode={currencyCode} />
        <DiscountCodeForm cart={cart} />
        <GiftCardForm cart={cart} />
        <CartTotals totals={cart} currencyCode={currencyCode} />
        <Link href="/checkout" className="button button--primary button--large button--block">
          Go to checkout
        </Link>
        <Link href="/" className="summary-card__secondary">
          Continue shopping
        </Link>
      </aside>
    </div>
  );
}
