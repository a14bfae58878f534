"use client";
// The sidebar beside every step: the items (quantities editable), a discount code, gift cards, and the totals as they stand.
import { CartLine } from "@/components/cart/cart-line";
import { CartTotals } from "@/components/cart/cart-totals";
import { DiscountCodeForm, GiftCardForm } from "@/components/cart/discount-code-form";
import type { StoreCart } from "@/lib/sdk/types";

export function OrderSummary({ cart, editable }: { cart: StoreCart; editable: boolean }) {
  const currencyCode = cart.region.currency_code;
  const count = cart.items.reduce((sum, item) => sum + item.quantity, 0);
  return (
    <aside className="summary-card checkout-summary" aria-labelledby="checkout-summary-title" data-testid="order-summary">
      <h2 id="checkout-summary-title" className="summary-card__title">
        Order summary <span className="muted">({count === 1 ? "1 item" : `${count} items`})</span>
      </h2>
      {editable ? (
        <ul className="cart-lines cart-lines--compact" aria-label="Items in your order">
          {cart.items.map((item) => (
            <CartLine key={item.id} item={item} currencyCode={currencyCode} compact />
          ))}
        </ul>
      ) : null}
      {editable ? <DiscountCodeForm cart={cart} /> : null}
      {editable ? <GiftCardForm cart={cart} /> : null}
      <CartTotals totals={cart} currencyCode={currencyCode} shippingPending="Choose delivery" />
    </aside>
  );
}
