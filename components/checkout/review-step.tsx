"use client";
// Step 4: everything the order will say, and the button that places it.
import { CartTotals } from "@/components/cart/cart-totals";
import { ReviewItemList } from "@/components/checkout/review-item-list";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatMoney } from "@/components/ui/format-money";
import type { StoreCart } from "@/lib/sdk/types";
import { AddressSummary } from "./address-summary";
import type { CheckoutStep } from "./checkout-steps";
import { providerTitle } from "./payment-providers";

type Props = {
  cart: StoreCart;
  error: string | null;
  onEdit: (step: CheckoutStep) => void;
  placeOrderButton: React.ReactNode;
};

export function ReviewStep({ cart, error, onEdit, placeOrderButton }: Props) {
  const currencyCode = cart.region.currency_code;
  const method = cart.shipping_methods[0];
  return (
    <div className="review">
      <div className="review__grid">
        <ReviewBlock title="Contact" onEdit={() => onEdit("address")}>
          <p>{cart.email}</p>
        </ReviewBlock>
        <ReviewBlock title="Ship to" onEdit={() => onEdit("address")}>
          <AddressSummary address={cart.shipping_address} region={cart.region} />
        </ReviewBlock>
        <ReviewBlock title="Billing address" onEdit={() => onEdit("address")}>
          <AddressSummary address={cart.billing_address ?? cart.shipping_address} region={cart.region} />
        </ReviewBlock>
        <ReviewBlock title="Delivery" onEdit={() => onEdit("delivery")}>
          <p>
            {method?.name} · {method ? (method.price === 0 ? "Free" : formatMoney(method.price, currencyCode)) : null}
          </p>
        </ReviewBlock>
        <ReviewBlock title="Payment" onEdit={() => onEdit("payment")}>
          <p>{cart.payment_session ? providerTitle(cart.payment_session.provider_id) : cart.total === 0 && cart.gift_card_total > 0 ? "Paid in full by gift card" : "—"}</p>
          {cart.payment_session?.provider_id === "manual" ? (
            <p className="muted" data-testid="review-test-payment">
              This is a test payment: no money moves.
            </p>
          ) : null}
        </ReviewBlock>
      </div>

      <h3 className="review__heading">Items</h3>
      <ReviewItemList items={cart.items} currencyCode={currencyCode} />

      <div className="totals--review" data-testid="review-totals">
        <CartTotals totals={cart} currencyCode={currencyCode} totalTestId="review-total" />
      </div>

      <ErrorMessage>{error}</ErrorMessage>
      {placeOrderButton}
      <p className="review__legal muted">
        By placing your order you agree to our terms of sale.
        {/* True by construction: placing the order records order.placed, which the email subscriber always sends. */}
        {cart.email ? <> We will send a confirmation to {cart.email}.</> : null}
      </p>
    </div>
  );
}

function ReviewBlock({ title, onEdit, children }: { title: string; onEdit: () => void; children: React.ReactNode }) {
  return (
    <div className="review-block">
      <div className="review-block__header">
        <h3 className="review-block__title">{title}</h3>
        <button type="button" className="link-button" onClick={onEdit}>
          Change<span className="visually-hidden"> {title.toLowerCase()}</span>
        </button>
      </div>
      {children}
    </div>
  );
}
