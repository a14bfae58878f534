import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { ClaimGuestOrders } from "@/components/account/claim-guest-orders";
import { OrderHistory } from "@/components/account/order-history";
import { requireSignedInCustomer } from "@/lib/sdk/account-session";
import * as store from "@/lib/sdk/server-store";

export const metadata: Metadata = { title: "Your orders" };

export default async function OrdersPage() {
  const customer = await requireSignedInCustomer("/account/orders");
  const { orders, count } = await store.customerOrders(50);
  return (
    <div className="container account-page">
      <h1>Your orders</h1>
      <AccountNav current="/account/orders" />
      <OrderHistory orders={orders} />
      {count > orders.length ? <p className="muted">Showing your {orders.length} most recent of {count} orders.</p> : null}
      <ClaimGuestOrders email={customer.email} />
    </div>
  );
}
