// What an order holds (items, totals, addresses, delivery, payment): shown on the confirmation,
// in the account's order history and to a guest who looked an order up.
import { CartTotals } from "@/components/cart/cart-totals";
import { ReviewItemList } from "@/components/checkout/review-item-list";
import { formatMoney } from "@/components/ui/format-money";
import type { StoreOrder } from "@/lib/sdk/types";
import { AddressSummary } from "./address-summary";
import { providerTitle } from "./payment-providers";

const PAYMENT_STATES: Record<string, string> = {
  captured: "Paid",
  awaiting: "Authorized — charged when your order ships",
  not_paid: "Not paid",
  refunded: "Refunded",
  canceled: "Canceled",
};

export function OrderDetails({ order }: { order: StoreOrder }) {
  const currencyCode = order.currency_code;
  const payment = order.payments[0];
  const method = order.shipping_methods[0];
  return (
    <div className="confirmation__grid">
      <section className="summary-card" aria-labelledby="confirmation-items">
        <h2 id="confirmation-items" className="summary-card__title">
          Items
        </h2>
        <ReviewItemList items={order.items} currencyCode={currencyCode} itemTestId="order-item" />
        <CartTotals totals={order} currencyCode={currencyCode} />
      </section>

      <section className="summary-card confirmation__details" aria-labelledby="confirmation-details">
        <h2 id="confirmation-details" className="summary-card__title">
          Details
        </h2>
        <div className="review-block">
          <h3 className="review-block__title">Shipping address</h3>
          <AddressSummary address={order.shipping_address} region={order.region} />
        </div>
        <div className="review-block">
          <h3 className="review-block__title">Billing address</h3>
          <AddressSummary address={order.billing_address ?? order.shipping_address} region={order.region} />
        </div>
        <div className="review-block">
          <h3 className="review-block__title">Delivery</h3>
          <p>{method ? `${method.name} · ${method.price === 0 ? "Free" : formatMoney(method.price, currencyCode)}` : "—"}</p>
        </div>
        <div className="review-block">
          <h3 className="review-block__title">Payment</h3>
          <p data-testid="payment-state">
            {payment ? providerTitle(payment.provider_id) : order.gift_card_total > 0 ? "Gift card" : "—"} ·{" "}
            {PAYMENT_STATES[order.payment_status] ?? order.payment_status}
          </p>
          {payment?.provider_id === "manual" ? <p className="muted">Test payment: no money was moved.</p> : null}
        </div>
      </section>
    </div>
  );
}
