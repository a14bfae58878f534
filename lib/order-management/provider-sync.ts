// Money that moved at the payment provider without the store asking (Stripe's dashboard, an
// expired authorization, a dispute) is written onto the order, through the same lock and the same
// settle steps as the store's own operations. A change the store made itself arrives here too (the
// provider reports it back) and finds nothing left to do. While an operation holds the order the
// answer is a 409, and the provider delivers the event again later.
import { db } from "../db/client";
import { getPaymentProvider } from "../payments/registry";
import type { ProviderData } from "../payments/provider";
import { newId } from "../commerce/ids";
import { recordEvent } from "../events/outbox";
import { providerActor, recordActivity } from "./actor";
import { settleCapture, settlePendingRefunds } from "./money";
import { loadOrder, refreshOrderStatuses } from "./order-rules";
import { withOrderLock } from "./order-lock";

/** The order whose payment the provider names by its reference (a PaymentIntent id), if any. */
export async function findOrderIdByPaymentReference(providerId: string, reference: string): Promise<string | null> {
  const session = await db().paymentSession.findFirst({
    where: { providerId, providerReference: reference, cart: { order: { isNot: null } } },
    select: { cart: { select: { order: { select: { id: true } } } } },
  });
  return session?.cart.order?.id ?? null;
}

/**
 * A cheap look before taking the order: the provider reporting back a change the store made itself
 * (the usual case) finds it recorded and leaves the order to whoever is working on it.
 */
async function alreadyRecorded(orderId: string, providerId: string, recorded: (payment: { capturedAt: Date | null; canceledAt: Date | null; amountRefunded: number }) => boolean) {
  const payments = await db().payment.findMany({ where: { orderId, providerId }, select: { capturedAt: true, canceledAt: true, amountRefunded: true } });
  const pendingRefunds = await db().refund.count({ where: { orderId, status: "pending" } });
  return pendingRefunds === 0 && payments.length > 0 && payments.every(recorded);
}

export async function syncCaptureFromProvider(orderId: string, providerId: string, data: ProviderData): Promise<string> {
  if (await alreadyRecorded(orderId, providerId, (payment) => payment.capturedAt !== null || payment.canceledAt !== null)) return "nothing to record";
  return withOrderLock(orderId, async () => {
    const order = await loadOrder(orderId);
    const payment = order.payments.find((candidate) => candidate.providerId === providerId && !candidate.capturedAt && !candidate.canceledAt);
    if (!payment || !getPaymentProvider(providerId).isCaptured(data)) return "nothing to record";
    await db().$transaction((tx) => settleCapture(tx, order, payment, data, providerActor(providerId)));
    return "capture recorded";
  });
}

export async function syncCancelFromProvider(orderId: string, providerId: string, data: ProviderData): Promise<string> {
  if (await alreadyRecorded(orderId, providerId, (payment) => payment.capturedAt !== null || payment.canceledAt !== null)) return "nothing to record";
  return withOrderLock(orderId, async () => {
    const order = await loadOrder(orderId);
    const payment = order.payments.find((candidate) => candidate.providerId === providerId && !candidate.capturedAt && !candidate.canceledAt);
    if (!payment) return "nothing to record";
    await db().$transaction(async (tx) => {
      await tx.payment.update({ where: { id: payment.id }, data: { canceledAt: new Date(), dataJson: JSON.stringify(data) } });
      if (order.status === "pending") {
        await tx.order.update({ where: { id: orderId }, data: { attentionReason: "The payment authorization was canceled at the payment provider: nothing can be captured" } });
      }
      await refreshOrderStatuses(tx, orderId);
      await recordActivity(tx, orderId, providerActor(providerId), "payment_canceled", { payment_id: payment.id });
    });
    return "cancellation recorded";
  });
}

/** The provider says `amountRefunded` has been refunded in all; what the store has not recorded is. */
export async function syncRefundsFromProvider(orderId: string, providerId: string, amountRefunded: number): Promise<string> {
  const actor = providerActor(providerId);
  if (await alreadyRecorded(orderId, providerId, (payment) => payment.capturedAt === null || payment.amountRefunded >= amountRefunded)) return "nothing to record";
  return withOrderLock(orderId, async () => {
    await settlePendingRefunds(orderId, actor);
    const order = await loadOrder(orderId);
    const payment = order.payments.find((candidate) => candidate.providerId === providerId && candidate.capturedAt);
    if (!payment) return "nothing to record";
    const missing = Math.min(amountRefunded, payment.amount) - payment.amountRefunded;
    if (missing <= 0) return "nothing to record";
    const refundId = newId("refund");
    const note = `Refunded at ${actor.label}, outside the store`;
    await db().$transaction(async (tx) => {
      await tx.refund.create({ data: { id: refundId, orderId, paymentId: payment.id, amount: missing, reason: "other", note, status: "succeeded" } });
      await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded: { increment: missing } } });
      await refreshOrderStatuses(tx, orderId);
      await recordActivity(tx, orderId, actor, "refund_created", { refund_id: refundId, amount: missing, currency_code: payment.currencyCode, reason: "other", note });
      await recordEvent(tx, { name: "order.refund_created", resourceId: orderId, data: { refund_id: refundId, amount: missing, reason: "other" } });
    });
    return `refund of ${missing} recorded`;
  });
}

export function markDisputed(orderId: string, providerId: string, dispute: { amount: number; reason: string }): Promise<string> {
  return withOrderLock(orderId, async () => {
    const order = await loadOrder(orderId);
    const reason = `The shopper's bank disputes ${dispute.amount} ${order.currencyCode.toUpperCase()} (${dispute.reason.replace(/_/g, " ")}): respond at ${providerActor(providerId).label}`;
    await db().$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { attentionReason: reason } });
      await recordActivity(tx, orderId, providerActor(providerId), "payment_disputed", { amount: dispute.amount, reason: dispute.reason });
    });
    return "order marked for attention";
  });
}
