"use client";
// <Elements> for the card field, mounted only once the cart has a Stripe payment session.
import { Elements } from "@stripe/react-stripe-js";
import { stripeFor } from "./stripe-loader";

export function StripeElements({ publishableKey, children }: { publishableKey: string; children: React.ReactNode }) {
  return <Elements stripe={stripeFor(publishableKey)}>{children}</Elements>;
}
