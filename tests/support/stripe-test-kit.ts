// What the Stripe API suite needs besides the Store API: the shopper's browser paying through
// Stripe (the real `stripe` npm client, on the emulator when STRIPE_API_BASE is set, on real
// Stripe test mode otherwise), Stripe's webhooks (signed here with STRIPE_WEBHOOK_SECRET), and
// bounded waits. Server keys only: Stripe.js is not involved, the test confirms the intent with
// a test payment method as Stripe.js would after the card form.
import Stripe from "stripe";
import { api, type ApiAnswer } from "./store-api";

export const STRIPE_SECRET_KEY = process.env.STRIPE_SECRET_KEY?.trim() || "";
export const STRIPE_WEBHOOK_SECRET = process.env.STRIPE_WEBHOOK_SECRET?.trim() || "";
const STRIPE_API_BASE = process.env.STRIPE_API_BASE?.trim() || "";

/** The offline emulator (tests/stripe-emulator) rather than api.stripe.com. */
export const ON_EMULATOR = Boolean(STRIPE_API_BASE);

/** Stripe's own webhooks reach the first app instance: the emulator's, or `stripe listen`'s. */
export const STRIPE_WEBHOOKS_ARRIVE = ON_EMULATOR || process.env.STRIPE_WEBHOOKS_FORWARDED === "1";

export const SKIP_REASONS = {
  noStripe:
    "STRIPE_SECRET_KEY is not set, so the store offers no Stripe provider: run through `npm test` (offline emulator) " +
    "or set STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET and NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY to real test keys",
  emulatorOnly:
    "real Stripe test mode: finishing a 3-D Secure challenge needs a browser (the emulator's _authenticate step is emulator-only)",
  noWebhooks:
    "real Stripe test mode: Stripe's webhooks reach this store only through `stripe listen --forward-to <store>/api/stripe/hooks`; " +
    "set STRIPE_WEBHOOKS_FORWARDED=1 once they are forwarded",
  noWebhookSecret: "STRIPE_WEBHOOK_SECRET is not set, so the test cannot sign webhook events the store would accept",
};

/** Stripe's test payment methods, named for what the shopper's card does. */
export const CARDS = {
  visa: "pm_card_visa",
  declined: "pm_card_chargeDeclined",
  needs3DSecure: "pm_card_authenticationRequired",
} as const;

let client: Stripe | null = null;

/** The shopper's side of Stripe (and the merchant's dashboard), as the real client talks to it. */
export function stripe(): Stripe {
  if (!STRIPE_SECRET_KEY) throw new Error(SKIP_REASONS.noStripe);
  if (client) return client;
  if (!ON_EMULATOR) return (client = new Stripe(STRIPE_SECRET_KEY, { maxNetworkRetries: 0 }));
  const base = new URL(STRIPE_API_BASE);
  return (client = new Stripe(STRIPE_SECRET_KEY, {
    host: base.hostname,
    port: base.port || (base.protocol === "https:" ? 443 : 80),
    protocol: base.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 0,
  }));
}

/** The PaymentIntent the cart's selected session holds (what the checkout page reads). */
export function intentOfSession(cart: { payment_session?: { data?: unknown } | null }): Stripe.PaymentIntent {
  const intent = cart.payment_session?.data as Stripe.PaymentIntent | undefined;
  if (!intent?.id?.startsWith("pi_")) throw new Error(`the cart's payment session holds no PaymentIntent: ${JSON.stringify(cart.payment_session)}`);
  return intent;
}

export const retrieveIntent = (intentId: string) => stripe().paymentIntents.retrieve(intentId);

export type Confirmation = { intent: Stripe.PaymentIntent; cardError: null } | { intent: null; cardError: Stripe.errors.StripeCardError };

/** The shopper confirms the intent with a card; a decline is an answer, not a crash. */
export async function payWith(intentId: string, card: string): Promise<Confirmation> {
  try {
    return { intent: await stripe().paymentIntents.confirm(intentId, { payment_method: card }), cardError: null };
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) return { intent: null, cardError: error };
    throw error;
  }
}

/** Emulator only: the shopper passes or fails the 3-D Secure challenge. */
export async function finishThreeDSecure(intentId: string, result: "complete" | "fail"): Promise<Stripe.PaymentIntent> {
  if (!ON_EMULATOR) throw new Error(SKIP_REASONS.emulatorOnly);
  return stripe().rawRequest("POST", `/v1/payment_intents/${intentId}/_authenticate`, { result }) as Promise<Stripe.PaymentIntent>;
}

// ---------------------------------------------------------------------------------------------
// Webhooks as Stripe sends them: an event JSON, signed over the raw body.
// ---------------------------------------------------------------------------------------------

export type SignedEvent = { payload: string; signature: string };

export function stripeEvent(type: string, object: object): string {
  return JSON.stringify(
    {
      id: `evt_test_${Math.random().toString(36).slice(2, 14)}`,
      object: "event",
      api_version: "2026-10-28.endive",
      created: Math.floor(Date.now() / 1000),
      data: { object },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
    },
    null,
    2,
  );
}

export function signEvent(payload: string, secret = STRIPE_WEBHOOK_SECRET): SignedEvent {
  return { payload, signature: stripe().webhooks.generateTestHeaderString({ payload, secret }) };
}

export const signedStripeEvent = (type: string, object: object, secret = STRIPE_WEBHOOK_SECRET) => signEvent(stripeEvent(type, object), secret);

/** POSTs a webhook body exactly as given (the signature covers the raw bytes). */
export function deliverWebhook(event: { payload: string; signature?: string }, instance = 0): Promise<ApiAnswer> {
  return api("POST", "/stripe/hooks", {
    rawBody: event.payload,
    headers: event.signature ? { "stripe-signature": event.signature } : {},
    instance,
  });
}

// ---------------------------------------------------------------------------------------------
// Bounded waits and retries
// ---------------------------------------------------------------------------------------------

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` gives a value (not undefined), for at most `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, { timeoutMs = 10_000, intervalMs = 200 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Repeats a request the server answered 409 ("try again"), as a client or Stripe would; bounded. */
export async function retryingConflicts(send: () => Promise<ApiAnswer>, attempts = 20): Promise<ApiAnswer> {
  let answer = await send();
  for (let attempt = 1; answer.status === 409 && attempt < attempts; attempt++) {
    await sleep(100);
    answer = await send();
  }
  return answer;
}

export const completeCart = (cartId: string, instance = 0) =>
  retryingConflicts(() => api("POST", `/store/carts/${cartId}/complete`, { instance }));

export const orderOfCart = (cartId: string) => api("GET", `/store/orders/cart/${cartId}`);

/** The order the store made of the cart, once it exists (e.g. after Stripe's webhook). */
export function waitForOrderOfCart(cartId: string, timeoutMs = 10_000) {
  return waitFor(
    `the order of cart ${cartId}`,
    async () => {
      const answer = await orderOfCart(cartId);
      return answer.status === 200 ? answer.body.order : undefined;
    },
    { timeoutMs },
  );
}
