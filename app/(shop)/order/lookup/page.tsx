import type { Metadata } from "next";
import Link from "next/link";
import { OrderLookupForm } from "@/components/account/order-lookup-form";

export const metadata: Metadata = { title: "Find your order" };

export default function OrderLookupPage() {
  return (
    <div className="container account-page">
      <h1>Find your order</h1>
      <p className="muted">
        Enter the order number from your confirmation email and the email address you ordered with. Have an account?{" "}
        <Link href="/account/orders">See all your orders</Link>.
      </p>
      <OrderLookupForm />
    </div>
  );
}
