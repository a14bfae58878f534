import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ForgetCompletedCart } from "@/components/checkout/forget-completed-cart";
import { OrderConfirmation } from "@/components/checkout/order-confirmation";
import * as store from "@/lib/sdk/server-store";

export const metadata: Metadata = { title: "Order confirmed" };

export default async function OrderConfirmedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await store.order(id).catch((error: unknown) => {
    if (store.isStoreRefusal(error, 404)) notFound();
    throw error;
  });
  return (
    <div className="container">
      <ForgetCompletedCart cartId={order.cart_id} />
      <OrderConfirmation order={order} />
    </div>
  );
}
