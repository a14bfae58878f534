import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ForgetCompletedCart } from "@/components/checkout/forget-completed-cart";
import { OrderConfirmation } from "@/components/checkout/order-confirmation";
import { serverStoreClient } from "@/lib/sdk/server-client";
import { isStoreApiError } from "@/lib/sdk/store-api-error";

export const metadata: Metadata = { title: "Order confirmed" };

export default async function OrderConfirmedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const order = await (await serverStoreClient()).orders.retrieve(id).then(
    (answer) => answer.order,
    (error: unknown) => {
      if (isStoreApiError(error) && error.status === 404) notFound();
      throw error;
    },
  );
  return (
    <div className="container">
      <ForgetCompletedCart cartId={order.cart_id} />
      <OrderConfirmation order={order} />
    </div>
  );
}
