"use client";
// Stripe's React libraries load only when the checkout may take a card (the cart has a Stripe
// payment session, or the shopper is choosing how to pay in a region that offers cards), so the
// checkout's first load carries none of them. CheckoutFlow loads them and mounts <Elements> with
// them; the card field below renders Stripe's field only then, always inside <Elements>.
import { createContext, useContext, useEffect, useState } from "react";
import type { StripeCardElementChangeEvent } from "@stripe/stripe-js";

export type StripeParts = typeof import("./stripe-parts");

let loading: Promise<StripeParts> | null = null;

function loadStripeParts(): Promise<StripeParts> {
  loading ??= import("./stripe-parts").catch((error: unknown) => {
    loading = null; // a failed chunk load is tried again next time
    throw error;
  });
  return loading;
}

/** Stripe's parts once loaded (null before, or while not wanted yet). */
export function useStripeParts(wanted: boolean): StripeParts | null {
  const [parts, setParts] = useState<StripeParts | null>(null);
  useEffect(() => {
    if (!wanted || parts) return;
    let current = true;
    loadStripeParts().then(
      (loaded) => current && setParts(loaded),
      () => undefined, // the card field keeps saying it is preparing; a later step change retries
    );
    return () => {
      current = false;
    };
  }, [wanted, parts]);
  return parts;
}

/** Set by CheckoutFlow inside <Elements>: the loaded parts, or null outside <Elements>. */
export const StripePartsContext = createContext<StripeParts | null>(null);

export function StripeCardField(props: { error: string | null; onChange: (event: StripeCardElementChangeEvent) => void }) {
  const parts = useContext(StripePartsContext);
  if (!parts) {
    return (
      <p className="muted" role="status">
        Preparing card payment…
      </p>
    );
  }
  return <parts.StripeCardField {...props} />;
}
