// The account's orders, newest first, each linking to its details.
import Link from "next/link";
import { formatMoney } from "@/components/ui/format-money";
import type { StoreOrder } from "@/lib/sdk/types";

const STATUS: Record<string, string> = { pending: "Placed", completed: "Completed", canceled: "Canceled" };

export const orderDate = (order: StoreOrder) => new Date(order.created_at!).toLocaleDateString("en-GB", { dateStyle: "long" });

export function OrderHistory({ orders }: { orders: StoreOrder[] }) {
  if (orders.length === 0) return <p className="muted">You have no orders yet.</p>;
  return (
    <ul className="order-history" aria-label="Your orders">
      {orders.map((order) => (
        <li key={order.id} className="summary-card order-history__entry" data-testid="order-history-entry">
          <div>
            <Link href={`/account/orders/${order.id}`} className="order-history__link">
              Order #{order.display_id}
            </Link>
            <p className="muted">
              {orderDate(order)} · {order.items.reduce((sum, item) => sum + item.quantity, 0)} item(s) · {STATUS[order.status] ?? order.status}
            </p>
          </div>
          <p className="order-history__total">{formatMoney(order.total, order.currency_code)}</p>
        </li>
      ))}
    </ul>
  );
}
