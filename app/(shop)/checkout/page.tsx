import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CheckoutFlow } from "@/components/checkout/checkout-flow";
import { getSignedInCustomer } from "@/lib/sdk/account-session";
import * as store from "@/lib/sdk/server-store";
import { getStorefrontSession } from "@/lib/sdk/storefront-session";

export const metadata: Metadata = { title: "Checkout" };

/** Read per request (a computed name, so the build cannot inline it): keys can change without a rebuild. */
function stripePublishableKey(): string | null {
  const name = ["NEXT", "PUBLIC", "STRIPE", "PUBLISHABLE", "KEY"].join("_");
  return process.env[name] || null;
}

export default async function CheckoutPage() {
  const [{ staleCartId }, customer] = await Promise.all([getStorefrontSession(), getSignedInCustomer()]);
  if (staleCartId) {
    // A reload after the order was placed (or in another tab): show that order, not an empty cart.
    const order = await store.orderOfCart(staleCartId).catch(() => null);
    if (order) redirect(`/order/confirmed/${order.id}`);
  }
  return (
    <div className="container">
      <CheckoutFlow publishableKey={stripePublishableKey()} customer={customer} />
    </div>
  );
}
