// One order of the account. Read through the account's own history, so another customer's order
// id finds nothing here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AccountNav } from "@/components/account/account-nav";
import { orderDate } from "@/components/account/order-history";
import { OrderDetails } from "@/components/checkout/order-details";
import { requireSignedInCustomer } from "@/lib/sdk/account-session";
import * as store from "@/lib/sdk/server-store";

export const metadata: Metadata = { title: "Order details" };

export default async function AccountOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireSignedInCustomer(`/account/orders/${encodeURIComponent(id)}`);
  const { orders } = await store.customerOrders(1, id);
  const order = orders[0];
  if (!order) notFound();
  return (
    <div className="container account-page">
      <h1>
        Order <span data-testid="order-number">#{order.display_id}</span>
      </h1>
      <AccountNav current="/account/orders" />
      <p className="muted">
        Placed {orderDate(order)} · sent to {order.email} · <Link href="/account/orders">All orders</Link>
      </p>
      <OrderDetails order={order} />
    </div>
  );
}
