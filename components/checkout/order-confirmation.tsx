import Link from "next/link";
import type { StoreOrder, StoreOrderWithEmail } from "@/lib/sdk/types";
import { OrderDetails } from "./order-details";

type ConfirmedOrder = StoreOrder & Partial<Pick<StoreOrderWithEmail, "confirmation_email">>;

/** Only what is true: an email is mentioned when one was sent or is on its way. */
function ConfirmationEmailNote({ order }: { order: ConfirmedOrder }) {
  if (order.confirmation_email === "sent") {
    return (
      <p className="muted" data-testid="confirmation-email">
        We have sent a confirmation to <strong>{order.email}</strong>. We will let you know when it ships.
      </p>
    );
  }
  if (order.confirmation_email === "queued") {
    return (
      <p className="muted" data-testid="confirmation-email">
        A confirmation is on its way to <strong>{order.email}</strong>. We will let you know when it ships.
      </p>
    );
  }
  return null;
}

export function OrderConfirmation({ order }: { order: ConfirmedOrder }) {
  return (
    <div className="confirmation">
      <div className="confirmation__hero">
        <span className="confirmation__check" aria-hidden="true">
          ✓
        </span>
        <p className="hero__eyebrow">Order confirmed</p>
        <h1 className="confirmation__title">
          Thank you! Your order number is <span data-testid="order-number">#{order.display_id}</span>
        </h1>
        <ConfirmationEmailNote order={order} />
      </div>

      <OrderDetails order={order} />

      <p className="confirmation__actions">
        <Link href="/" className="button button--secondary">
          Continue shopping
        </Link>
      </p>
    </div>
  );
}
