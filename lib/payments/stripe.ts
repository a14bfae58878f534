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
  type ReleasedPayment,
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

const STRIPE_AUTHORIZATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * How the store marks a payment it gave back because nothing used it: the refund's metadata, or
 * the cancellation reason (no other cancel of this store gives one). A repeat finds its own mark.
 */
const RELEASE_REFUND_METADATA = "unused_payment";
const RELEASE_CANCELLATION_REASON = "abandoned";

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
        // Paid for something other than this cart: refused; the store gives it back (releasePayment).
        throw new PaymentProviderError(
          `The payment was authorized for ${intent.amount} ${intent.currency} but the cart total is ${context.amount} ${context.currencyCode}`,
          "amount_mismatch",
        );
      }
      return { status, data: asData(intent) };
    },

    async cancelPayment(data, operation) {
      const current = await retrieve(data);
      if (current.status === "canceled") return asData(current);
      if (!intentCanBeCanceled(current.status)) {
        throw new PaymentProviderError("A captured payment cannot be canceled; refund it instead", "payment_already_captured");
      }
      const options = operation?.idempotencyKey ? { idempotencyKey: operation.idempotencyKey } : undefined;
      return asData(await stripe.paymentIntents.cancel(current.id, {}, options).catch(stripeFailure));
    },

    async refundPayment(data, operation) {
      const params: Stripe.RefundCreateParams = { payment_intent: intentId(data) };
      if (operation?.amount !== undefined) params.amount = operation.amount;
      if (operation?.metadata) params.metadata = operation.metadata;
      // The key is the store's refund id: a replay after a crash returns the same refund.
      const options = operation?.idempotencyKey ? { idempotencyKey: operation.idempotencyKey } : undefined;
      await stripe.refunds.create(params, options).catch(stripeFailure);
      return asData(await retrieve(data));
    },

    async capturePayment(data, operation) {
      const current = await retrieve(data);
      if (current.status === "succeeded") return asData(current);
      const options = operation?.idempotencyKey ? { idempotencyKey: operation.idempotencyKey } : undefined;
      return asData(await stripe.paymentIntents.capture(current.id, {}, options).catch(stripeFailure));
    },

    async releasePayment(reference, { idempotencyKey, cartId }): Promise<ReleasedPayment> {
      // Only what could be a PaymentIntent id goes into a request path.
      if (!/^pi_[0-9A-Za-z]{1,255}$/.test(reference)) return { action: "none", reason: "the reference is not a PaymentIntent id" };
      const intent = await retrieve({ id: reference });
      // Another store (or system) on the same Stripe account is not ours to refund.
      if (intent.metadata?.resource_id !== cartId) return { action: "none", reason: "the PaymentIntent names another cart" };
      const released = (action: "canceled" | "refunded", amount: number): ReleasedPayment => ({ action, amount, currencyCode: intent.currency });
      switch (intent.status) {
        case "requires_capture": {
          await stripe.paymentIntents
            .cancel(intent.id, { cancellation_reason: RELEASE_CANCELLATION_REASON }, { idempotencyKey: `${idempotencyKey}-cancel` })
            .catch(stripeFailure);
          return released("canceled", intent.amount);
        }
        case "canceled":
          return intent.cancellation_reason === RELEASE_CANCELLATION_REASON
            ? released("canceled", intent.amount)
            : { action: "none", reason: "the PaymentIntent was already canceled" };
        case "succeeded": {
          const refunds = await stripe.refunds.list({ payment_intent: intent.id, limit: 100 }).catch(stripeFailure);
          const earlier = refunds.data.find((refund) => refund.metadata?.store_release === RELEASE_REFUND_METADATA);
          if (earlier) return released("refunded", earlier.amount);
          try {
            // No amount: all that is left. Two instances racing send the same key and parameters,
            // so Stripe makes one refund; once nothing is left it refuses any other.
            const refund = await stripe.refunds.create(
              { payment_intent: intent.id, metadata: { store_release: RELEASE_REFUND_METADATA, cart_id: cartId } },
              { idempotencyKey: `${idempotencyKey}-refund` },
            );
            return released("refunded", refund.amount);
          } catch (error) {
            if (error instanceof Stripe.errors.StripeError && error.code === "charge_already_refunded") {
              return { action: "none", reason: "the payment was already refunded in full" };
            }
            return stripeFailure(error);
          }
        }
        default:
          return { action: "none", reason: `the PaymentIntent is ${intent.status.replace(/_/g, " ")} and holds no money` };
      }
    },

    authorizationExpiresAt(data, authorizedAt) {
      // Stripe releases an uncaptured card authorization after 7 days.
      if (data.status !== "requires_capture") return null;
      return new Date(authorizedAt.getTime() + STRIPE_AUTHORIZATION_LIFETIME_MS);
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
      // A valid signature vouches for the sender, not for the shape: anything the store does not
      // act on is acknowledged and ignored.
      return readStripeEvent(parsed);
    },
  };
}

/** A verified Stripe event → what it means for the store's carts and orders. */
function readStripeEvent(payload: unknown): PaymentWebhookEvent {
  const event = readEvent(payload);
  if (!event) return { kind: "ignored", reason: "the payload is not a Stripe event" };
  const object = event.object;
  if (event.type === "charge.refunded" || event.type === "charge.dispute.created") {
    const reference = typeof object.payment_intent === "string" ? object.payment_intent : null;
    if (!reference) return { kind: "ignored", reason: `${event.type} names no PaymentIntent` };
    if (event.type === "charge.refunded") {
      if (typeof object.amount_refunded !== "number") return { kind: "ignored", reason: "the charge carries no amount_refunded" };
      return { kind: "payment_refunded", reference, amountRefunded: object.amount_refunded };
    }
    const amount = typeof object.amount === "number" ? object.amount : 0;
    return { kind: "payment_disputed", reference, amount, reason: typeof object.reason === "string" ? object.reason : "unknown" };
  }
  if (!event.type.startsWith("payment_intent.")) return { kind: "ignored", reason: `${event.type} is not handled` };
  if (object.object !== "payment_intent" || typeof object.id !== "string") return { kind: "ignored", reason: "the event carries no PaymentIntent" };
  const metadata = object.metadata;
  const cartId = typeof metadata === "object" && metadata !== null ? (metadata as Record<string, unknown>).resource_id : undefined;
  if (typeof cartId !== "string" || !cartId) return { kind: "ignored", reason: "the PaymentIntent belongs to no cart of this store" };
  switch (event.type) {
    // Completes a cart paid and left, or records a capture made in Stripe's dashboard.
    case "payment_intent.succeeded":
    case "payment_intent.amount_capturable_updated":
      return { kind: "payment_authorized", cartId, data: object };
    case "payment_intent.payment_failed":
      return { kind: "payment_failed", cartId, data: object };
    case "payment_intent.canceled":
      return { kind: "payment_canceled", reference: object.id, data: object };
    default:
      return { kind: "ignored", reason: `${event.type} is not handled` };
  }
}
