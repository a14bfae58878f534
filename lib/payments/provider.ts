// The one interface every payment provider implements. The domain (lib/commerce) talks only to
// this; what a provider keeps about a payment lives in `data` (for Stripe, the PaymentIntent),
// stored on the payment session and later on the payment.

export type PaymentSessionStatus = "pending" | "authorized" | "requires_more" | "error" | "canceled";

export type ProviderData = Record<string, unknown>;

export type PaymentContext = {
  /** The payment session this payment belongs to; providers derive idempotency keys from it. */
  sessionId: string;
  cartId: string;
  /** The cart total in minor units and its currency (lower case). */
  amount: number;
  currencyCode: string;
  email: string | null;
};

export type AuthorizationResult = {
  status: PaymentSessionStatus;
  data: ProviderData;
};

/** A money operation on a payment; the key makes a retry of the same operation a no-op at the provider. */
export type MoneyOperation = { idempotencyKey?: string };

export type RefundOperation = MoneyOperation & {
  /** Minor units; the whole captured amount that is left when absent. */
  amount?: number;
  /** What the store records with the refund at the provider (its refund id, the reason). */
  metadata?: Record<string, string>;
};

/**
 * What giving back a payment no order and no open session uses did: its authorization voided, or
 * what was captured refunded; or nothing, and why (already given back by someone else, not ours).
 */
export type ReleasedPayment =
  | { action: "canceled" | "refunded"; amount: number; currencyCode: string }
  | { action: "none"; reason: string };

export type ReleaseOperation = {
  /** The provider derives the keys of its cancel and refund from it: repeats and races are one operation. */
  idempotencyKey: string;
  /** The cart the store expects the payment to name; a payment of anything else is left alone. */
  cartId: string;
};

export type PaymentWebhookEvent =
  | { kind: "payment_authorized"; cartId: string; data: ProviderData }
  | { kind: "payment_failed"; cartId: string; data: ProviderData }
  /** Money moved at the provider for a payment of an order (e.g. in Stripe's dashboard). */
  | { kind: "payment_canceled"; reference: string; data: ProviderData }
  | { kind: "payment_refunded"; reference: string; amountRefunded: number }
  | { kind: "payment_disputed"; reference: string; amount: number; reason: string }
  | { kind: "ignored"; reason: string };

export class PaymentProviderError extends Error {
  constructor(
    message: string,
    /** "amount_mismatch" when the provider holds a different amount than the cart, etc. */
    readonly code: string,
  ) {
    super(message);
    this.name = "PaymentProviderError";
  }
}

export interface PaymentProvider {
  readonly id: string;
  /** Starts a payment for the cart total; the returned data is what the storefront reads. */
  initiatePayment(context: PaymentContext): Promise<ProviderData>;
  /** The cart total changed: make the provider's payment follow it. */
  updatePayment(data: ProviderData, context: PaymentContext): Promise<ProviderData>;
  /** Details the shopper sends through updatePaymentSession; the provider decides what it accepts. */
  updatePaymentData(data: ProviderData, input: Record<string, unknown>): Promise<ProviderData>;
  /**
   * Asks where the payment stands for this cart total. Must report "authorized" only when the
   * provider holds exactly context.amount in context.currencyCode (throws PaymentProviderError
   * with code "amount_mismatch" otherwise, and leaves the money where it is: the store gives it
   * back through releasePayment, once, and tells the merchant).
   */
  authorizePayment(data: ProviderData, context: PaymentContext): Promise<AuthorizationResult>;
  cancelPayment(data: ProviderData, operation?: MoneyOperation): Promise<ProviderData>;
  /**
   * Gives captured money back: all that is left (e.g. paid, but the stock ran out before the
   * order) or operation.amount of it. Returns the payment's data afterwards.
   */
  refundPayment(data: ProviderData, operation?: RefundOperation): Promise<ProviderData>;
  capturePayment(data: ProviderData, operation?: MoneyOperation): Promise<ProviderData>;
  /** When an uncaptured authorization lapses (Stripe: 7 days after it), or null if it does not. */
  authorizationExpiresAt(data: ProviderData, authorizedAt: Date): Date | null;
  /** The provider's own id of the payment (e.g. a PaymentIntent id), or null when it has none. */
  paymentReference(data: ProviderData): string | null;
  /** True when an authorized payment is already captured (e.g. Stripe automatic capture). */
  isCaptured(data: ProviderData): boolean;
  retrievePaymentStatus(data: ProviderData): Promise<PaymentSessionStatus>;
  /**
   * Gives back the payment `reference` names, as the provider holds it now: voids an authorization,
   * refunds what was captured and is left. Reports the store's own earlier release of it again (so
   * a repeat after a crash still gets recorded) and never moves money twice. For payments the store
   * no longer uses (e.g. the shopper paid a session that was replaced meanwhile).
   */
  releasePayment?(reference: string, operation: ReleaseOperation): Promise<ReleasedPayment>;
  /** Verifies and reads a webhook delivery; throws PaymentProviderError("…", "invalid_signature"). */
  parseWebhook?(rawBody: string, headers: Headers): Promise<PaymentWebhookEvent>;
}
