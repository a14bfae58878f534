// Payments nothing in the store uses any more. A shopper pays a Stripe session that the cart has
// meanwhile left behind (switched to another provider, refreshed, replaced) and the store's
// best-effort cancel of it lost the race or failed: the money sits at the provider and no order
// or session names it, so nobody would ever ship against it, capture it or refund it. When the
// provider reports such a payment (payment-webhooks.ts), or the store's cancel of the payment of a
// session the cart just left fails (payment-sessions.ts: the provider may have reported it while
// it was still the cart's, and will not again), it is given back (an authorization voided, a
// capture refunded) and the merchant is told: an outbox event about the cart, and an entry in the
// history of the cart's order if the cart became one with another payment.
//
// Exactly once: the provider's idempotency keys derive from the payment's reference, so repeated
// and racing deliveries on every instance make one cancel or refund at the provider (which also
// refuses to refund more than is left), and the event's id derives from it too.
// Never a payment in use: one that a session of an open cart names is that cart's to complete
// with, one an order's payment names is the order's. A session that dropped a payment never takes
// it back (a new session always starts a new payment), so a payment found unused stays unused
// between the look and the release.
import { db, isUniqueConstraintError } from "../db/client";
import { getPaymentProvider } from "../payments/registry";
import { PaymentProviderError, type ReleasedPayment } from "../payments/provider";
import { StoreError } from "../commerce/errors";
import { parseJson } from "../commerce/serialize";
import { recordEventOnce } from "../events/outbox";
import { recordActivity, type OrderActor } from "./actor";

export type PaymentUse =
  /** A session of an open cart names it: completing that cart may use it. */
  | { kind: "open_session"; cartId: string; selected: boolean }
  /** An order's payment is this one. */
  | { kind: "order"; orderId: string }
  /** Nothing uses it; `orderId` is the order the cart became with another payment, if any. */
  | { kind: "unused"; orderId: string | null }
  /** The cart it names is not in this store (e.g. another store on the same Stripe account). */
  | { kind: "unknown_cart" };

const STORE_ACTOR: OrderActor = { type: "system", id: null, label: "Store" };

/** Who uses the provider's payment `reference`, which says it belongs to cart `cartId`. */
export async function findPaymentUse(providerId: string, cartId: string, reference: string): Promise<PaymentUse> {
  const provider = getPaymentProvider(providerId);
  const names = (dataJson: string) => provider.paymentReference(parseJson(dataJson) ?? {}) === reference;
  // By the indexed reference, and every session of the cart by its data (rows older than the
  // reference column have none).
  const sessions = await db().paymentSession.findMany({
    where: { providerId, OR: [{ providerReference: reference }, { cartId }] },
    select: { cartId: true, isSelected: true, providerReference: true, dataJson: true, cart: { select: { completedAt: true } } },
  });
  const naming = sessions.filter((session) => session.providerReference === reference || names(session.dataJson));
  const open = naming.find((session) => !session.cart.completedAt);
  if (open) return { kind: "open_session", cartId: open.cartId, selected: open.isSelected };

  const cartIds = [...new Set([cartId, ...naming.map((session) => session.cartId)])];
  const orders = await db().order.findMany({
    where: { cartId: { in: cartIds } },
    select: { id: true, cartId: true, payments: { where: { providerId }, select: { dataJson: true } } },
  });
  const paidWith = orders.find((order) => order.payments.some((payment) => names(payment.dataJson)));
  if (paidWith) return { kind: "order", orderId: paidWith.id };
  const ofCart = orders.find((order) => order.cartId === cartId);
  if (ofCart) return { kind: "unused", orderId: ofCart.id };
  const cart = await db().cart.findUnique({ where: { id: cartId }, select: { id: true } });
  return cart ? { kind: "unused", orderId: null } : { kind: "unknown_cart" };
}

/**
 * Gives back a payment no order uses (`findPaymentUse` found it unused, or a completion refused
 * it) and records that once. A provider that refuses (no such payment, not this cart's) is
 * answered with why; one that does not answer is a 502, so the provider delivers its event again.
 * `reason` goes into the event: `unused` (the cart left it), or the code of the completion's
 * refusal (`amount_mismatch`, `insufficient_inventory`, `discount_used_up`, ...).
 */
export async function releaseOrphanedPayment(
  providerId: string,
  cartId: string,
  reference: string,
  { orderId, reason }: { orderId: string | null; reason: string },
): Promise<string> {
  const provider = getPaymentProvider(providerId);
  if (!provider.releasePayment) return "ignored: the provider cannot give payments back";
  let released: ReleasedPayment;
  try {
    released = await provider.releasePayment(reference, { idempotencyKey: `orphan-${reference}`, cartId });
  } catch (error) {
    if (error instanceof PaymentProviderError) return `not given back: ${error.message}`;
    console.error(`orphaned-payments: the payment provider failed to give back ${reference}`, error);
    throw new StoreError(
      "payment_provider_error",
      `The payment provider did not answer while giving back payment ${reference}, which no order uses; deliver the event again`,
      "provider_unavailable",
    );
  }
  if (released.action === "none") return `nothing to give back: ${released.reason}`;

  const name = released.action === "refunded" ? "payment.orphan_refunded" : "payment.orphan_canceled";
  const data = {
    provider_id: providerId,
    payment_reference: reference,
    amount: released.amount,
    currency_code: released.currencyCode,
    cart_id: cartId,
    order_id: orderId,
    reason,
  };
  let recorded: boolean;
  try {
    recorded = await db().$transaction(async (tx) => {
      const fresh = await recordEventOnce(tx, { name, resourceId: cartId, data }, `orphaned-payment:${providerId}:${reference}`);
      // The order's history says why money it never used moved (the order's own payment is untouched).
      if (fresh && orderId) await recordActivity(tx, orderId, STORE_ACTOR, `orphan_payment_${released.action}`, data);
      return fresh;
    });
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    recorded = false; // a concurrent delivery recorded it
  }
  const what = `${released.action} ${released.amount} ${released.currencyCode.toUpperCase()}`;
  if (recorded) console.warn(`orphaned-payments: ${providerId} payment ${reference} of cart ${cartId} is used by no order or session: ${what}`);
  return `orphaned payment ${what}${recorded ? "" : " (recorded before)"}`;
}
