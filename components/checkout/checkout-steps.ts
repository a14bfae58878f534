// The checkout's steps, in order, and how far a cart may go: a step is open once every step
// before it is done. Pure, so the page and the tests agree on what "done" means.
import type { StoreCart } from "@/lib/sdk/types";

export const CHECKOUT_STEPS = ["address", "delivery", "payment", "review"] as const;
export type CheckoutStep = (typeof CHECKOUT_STEPS)[number];

export const STEP_TITLES: Record<CheckoutStep, string> = {
  address: "Shipping address",
  delivery: "Delivery",
  payment: "Payment",
  review: "Review and place order",
};

export function parseStep(value: string | null | undefined): CheckoutStep | null {
  return CHECKOUT_STEPS.find((step) => step === value) ?? null;
}

export const stepIndex = (step: CheckoutStep) => CHECKOUT_STEPS.indexOf(step);

const REQUIRED_ADDRESS_FIELDS = ["first_name", "last_name", "address_1", "city", "postal_code", "country_code"] as const;

export function isAddressComplete(cart: StoreCart): boolean {
  const address = cart.shipping_address;
  return Boolean(cart.email && address && REQUIRED_ADDRESS_FIELDS.every((field) => address[field]));
}

/** Stripe PaymentIntent states in which the money is already secured. */
export const SETTLED_INTENT_STATUSES = ["succeeded", "requires_capture"];

export function stripeIntent(cart: StoreCart): { clientSecret: string; status: string | null } | null {
  const session = cart.payment_session;
  if (session?.provider_id !== "stripe") return null;
  const clientSecret = session.data["client_secret"];
  if (typeof clientSecret !== "string" || !clientSecret) return null;
  const status = session.data["status"];
  return { clientSecret, status: typeof status === "string" ? status : null };
}

/** Gift cards (or discounts) cover the whole order: there is no payment to make. */
export const hasNothingToPay = (cart: StoreCart) => cart.items.length > 0 && cart.total === 0;

export function isPaymentReady(cart: StoreCart, cardReady: boolean): boolean {
  if (hasNothingToPay(cart)) return true;
  const session = cart.payment_session;
  if (!session) return false;
  if (session.provider_id !== "stripe") return true;
  const intent = stripeIntent(cart);
  return Boolean(intent && (cardReady || (intent.status && SETTLED_INTENT_STATUSES.includes(intent.status))));
}

/** The last step this cart may be on. */
export function furthestStep(cart: StoreCart, cardReady: boolean): CheckoutStep {
  if (!isAddressComplete(cart)) return "address";
  if (cart.shipping_methods.length === 0) return "delivery";
  if (!isPaymentReady(cart, cardReady)) return "payment";
  return "review";
}
