import Link from "next/link";
import type { StoreOrder } from "@/lib/sdk/types";
import { OrderDetails } from "./order-details";

export function OrderConfirmation({ order }: { order: StoreOrder }) {
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
        <p className="muted">
          We have sent a confirmation to <strong>{order.email}</strong>. We will let you know when it ships.
        </p>
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
