// The Stripe provider: a PaymentIntent per payment session. The session's data is the intent, so
// the storefront confirms the card with data.client_secret (Stripe.js); completion then asks
// Stripe where the intent stands. Configured from the environment (see README):
//   STRIPE_SECRET_KEY       enables the provider
//   STRIPE_WEBHOOK_SECRET   verifies POST /api/stripe/hooks
//   STRIPE_CAPTURE          "automatic" (default) or "manual" (authorize now, capture later)
//   STRIPE_API_BASE         send API calls to another base URL (the offline test emulator)
import Stripe from "stripe";
import {
  PaymentProviderError,
  type PaymentContext,
  type PaymentProvider,
  type PaymentWebhookEvent,
  type ProviderData,
} from "./provider";
import { intentAcceptsUpdates, intentCanBeCanceled, paymentSessionStatusOfIntent } from "./stripe-status";

export type StripeConfig = {
  secretKey: string;
  webhookSecret: string | null;
  captureMethod: "automatic" | "manual";
  apiBase: string | null;
};

export function stripeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StripeConfig | null {
  const secretKey = env.STRIPE_SECRET_KEY?.trim();
  if (!secretKey) return null;
  const capture = env.STRIPE_CAPTURE?.trim() || "automatic";
  if (capture !== "automatic" && capture !== "manual") throw new Error(`STRIPE_CAPTURE must be automatic or manual, not "${capture}"`);
  return {
    secretKey,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET?.trim() || null,
    captureMethod: capture,
    apiBase: env.STRIPE_API_BASE?.trim() || null,
  };
}

function createStripeClient(config: StripeConfig): Stripe {
  if (!config.apiBase) return new Stripe(config.secretKey, { maxNetworkRetries: 2, timeout: 20_000 });
  const base = new URL(config.apiBase);
  return new Stripe(config.secretKey, {
    host: base.hostname,
    port: base.port || (base.protocol === "https:" ? 443 : 80),
    protocol: base.protocol === "https:" ? "https" : "http",
    maxNetworkRetries: 1,
    timeout: 10_000,
  });
}

const asData = (intent: Stripe.PaymentIntent): ProviderData => JSON.parse(JSON.stringify(intent)) as ProviderData;

function intentId(data: ProviderData): string {
  if (typeof data.id !== "string" || !data.id.startsWith("pi_")) {
    throw new PaymentProviderError("The payment session has no Stripe PaymentIntent; refresh it", "missing_payment_intent");
  }
  return data.id;
}

/** Stripe's refusals (declines, bad state) become provider errors the shopper can act on. */
function stripeFailure(error: unknown): never {
  if (error instanceof Stripe.errors.StripeError && error.type !== "StripeConnectionError" && error.type !== "StripeAPIError") {
    throw new PaymentProviderError(error.message, error.code ?? error.type);
  }
  throw error;
}

/** The type and data.object of a Stripe event, or null when the payload is not shaped like one. */
function readEvent(payload: unknown): { type: string; object: ProviderData } | null {
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const { type, data } = payload as { type?: unknown; data?: unknown };
  if (typeof type !== "string" || typeof data !== "object" || data === null) return null;
  const object = (data as { object?: unknown }).object;
  if (typeof object !== "object" || object === null || Array.isArray(object)) return null;
  return { type, object: object as ProviderData };
}

export function createStripeProvider(config: StripeConfig): PaymentProvider {
  const stripe = createStripeClient(config);

  const retrieve = (data: ProviderData) => stripe.paymentIntents.retrieve(intentId(data)).catch(stripeFailure);

  return {
    id: "stripe",

    async initiatePayment(context: PaymentContext) {
      const intent = await stripe.paymentIntents
        .create(
          {
            amount: context.amount,
            currency: context.currencyCode,
            capture_method: config.captureMethod,
            allowed_payment_method_types: ["card"],
            metadata: { resource_id: context.cartId, session_id: context.sessionId },
            ...(context.email ? { receipt_email: context.email } : {}),
          },
          // Derived from the session: a retried initiation returns the same intent, never a second one.
          { idempotencyKey: `payment-session-${context.sessionId}-initiate` },
        )
        .catch(stripeFailure);
      return asData(intent);
    },

    async updatePayment(data, context) {
      const current = await retrieve(data);
      if (current.amount === context.amount && current.currency === context.currencyCode) return asData(current);
      if (!intentAcceptsUpdates(current.status)) {
        throw new PaymentProviderError(`The payment is already ${current.status.replace(/_/g, " ")} and can no longer change`, "payment_intent_unexpected_state");
      }
      const intent = await stripe.paymentIntents
        .update(current.id, { amount: context.amount, currency: context.currencyCode })
        .catch(stripeFailure);
      return asData(intent);
    },

    async updatePaymentData(data, input) {
      const allowed = new Set(["receipt_email", "description"]);
      const unknown = Object.keys(input).filter((key) => !allowed.has(key));
      if (unknown.length) throw new PaymentProviderError(`Stripe sessions accept only receipt_email and description, not ${unknown.join(", ")}`, "invalid_data");
      const intent = await stripe.paymentIntents.update(intentId(data), input as Stripe.PaymentIntentUpdateParams).catch(stripeFailure);
      return asData(intent);
    },

    async authorizePayment(data, context) {
      const intent = await retrieve(data);
      const status = paymentSessionStatusOfIntent(intent.status);
      if (status === "authorized" && (intent.amount !== context.amount || intent.currency !== context.currencyCode)) {
        // Paid for something other than this cart: refuse, and give the money back.
        if (intent.status === "requires_capture") await stripe.paymentIntents.cancel(intent.id).catch(() => undefined);
        else await stripe.refunds.create({ payment_intent: intent.id }).catch(() => undefined);
        throw new PaymentProviderError(
          `The payment was authorized for ${intent.amount} ${intent.currency} but the cart total is ${context.amount} ${context.currencyCode}`,
          "amount_mismatch",
        );
      }
      return { status, data: asData(intent) };
    },

    async cancelPayment(data) {
      const current = await retrieve(data);
      if (current.status === "canceled") return asData(current);
      if (!intentCanBeCanceled(current.status)) {
        throw new PaymentProviderError("A captured payment cannot be canceled; refund it instead", "payment_already_captured");
      }
      return asData(await stripe.paymentIntents.cancel(current.id).catch(stripeFailure));
    },

    async refundPayment(data) {
      await stripe.refunds.create({ payment_intent: intentId(data) }).catch(stripeFailure);
      return asData(await retrieve(data));
    },

    async capturePayment(data) {
      const current = await retrieve(data);
      if (current.status === "succeeded") return asData(current);
      return asData(await stripe.paymentIntents.capture(current.id).catch(stripeFailure));
    },

    paymentReference(data) {
      return typeof data.id === "string" ? data.id : null;
    },

    isCaptured(data) {
      return data.status === "succeeded";
    },

    async retrievePaymentStatus(data) {
      return paymentSessionStatusOfIntent((await retrieve(data)).status);
    },

    async parseWebhook(rawBody: string, headers: Headers): Promise<PaymentWebhookEvent> {
      if (!config.webhookSecret) throw new PaymentProviderError("STRIPE_WEBHOOK_SECRET is not set", "webhook_not_configured");
      const signature = headers.get("stripe-signature");
      if (!signature) throw new PaymentProviderError("The Stripe-Signature header is missing", "invalid_signature");
      let parsed: unknown;
      try {
        parsed = stripe.webhooks.constructEvent(rawBody, signature, config.webhookSecret);
      } catch {
        throw new PaymentProviderError("The webhook signature does not match", "invalid_signature");
      }
      // A valid signature vouches for the sender, not for the shape: anything but an event with a
      // PaymentIntent of one of our carts is acknowledged and ignored.
      const event = readEvent(parsed);
      if (!event) return { kind: "ignored", reason: "the payload is not a Stripe event" };
      if (!event.type.startsWith("payment_intent.")) return { kind: "ignored", reason: `${event.type} is not handled` };
      const intent = event.object;
      if (intent.object !== "payment_intent" || typeof intent.id !== "string") {
        return { kind: "ignored", reason: "the event carries no PaymentIntent" };
      }
      const metadata = intent.metadata;
      const cartId = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>).resource_id : undefined;
      if (typeof cartId !== "string" || !cartId) return { kind: "ignored", reason: "the PaymentIntent belongs to no cart of this store" };
      switch (event.type) {
        case "payment_intent.succeeded":
        case "payment_intent.amount_capturable_updated":
          return { kind: "payment_authorized", cartId, data: intent };
        case "payment_intent.payment_failed":
          return { kind: "payment_failed", cartId, data: intent };
        default:
          return { kind: "ignored", reason: `${event.type} is not handled` };
      }
    },
  };
}
