// Capturing, refunding and voiding an order's payment through its provider. Read top to bottom:
//   1. every operation holds the order (order-lock.ts), so two admins (or an admin and a
//      provider webhook) never act on one order at once: the second is told to try again
//   2. the rules are checked on the order as it is now (capture once, never refund more than was
//      captured, nothing on a canceled order); a refusal changes nothing
//   3. a refund is first written as a "pending" row whose id is the provider's idempotency key;
//      then the provider moves the money; then one transaction settles it: the refund, the
//      payment's figures, the order's statuses, the history entry and the outbox event
//   4. a provider refusal deletes the pending row and answers why (400), the order unchanged. A
//      crash or a timeout (502) after the provider was asked leaves the pending row: the next money
//      operation on the order replays it with the same key first (the provider returns the refund
//      it already made instead of paying again) and settles it. Captures and voids need no row:
//      replaying them with the payment's own key is harmless, as a captured or voided payment
//      answers with its state
import { db, type DbTransaction } from "../db/client";
import { getPaymentProvider, isPaymentProviderInstalled } from "../payments/registry";
import { PaymentProviderError, type PaymentProvider, type ProviderData } from "../payments/provider";
import { notAllowed, StoreError } from "../commerce/errors";
import { newId } from "../commerce/ids";
import type { OrderRow } from "../commerce/queries";
import { parseJson } from "../commerce/serialize";
import { recordEvent } from "../events/outbox";
import { recordActivity, type OrderActor } from "./actor";
import { retrieveAdminOrder, type AdminOrder } from "./admin-orders";
import { assertOrderOpen, loadOrder, refreshOrderStatuses } from "./order-rules";
import { withOrderLock } from "./order-lock";

type PaymentRow = OrderRow["payments"][number];

export const REFUND_REASONS = ["discount", "return", "swap", "claim", "other"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];

const paymentData = (payment: PaymentRow): ProviderData => parseJson(payment.dataJson) ?? {};

function providerOf(payment: PaymentRow): PaymentProvider {
  if (!isPaymentProviderInstalled(payment.providerId)) {
    throw notAllowed(`The payment provider ${payment.providerId} is not installed, so this payment cannot be changed here`, "provider_not_installed");
  }
  return getPaymentProvider(payment.providerId);
}

/**
 * A provider's refusal is a 400 that quotes it (retrying will not help; nothing changed); its
 * silence is a 502 (worth retrying) that says to check the order again.
 */
function providerRefused(action: string, error: unknown): never {
  if (error instanceof PaymentProviderError) {
    throw new StoreError("not_allowed", `The payment provider refused to ${action}: ${error.message}`, error.code);
  }
  if (error instanceof StoreError) throw error;
  console.error(`order-management: the payment provider failed to ${action}`, error);
  throw new StoreError(
    "payment_provider_error",
    `The payment provider did not answer while trying to ${action}; nothing was recorded. Check the order again in a moment.`,
    "provider_unavailable",
  );
}

export function captureOrderPayment(orderId: string, actor: OrderActor): Promise<AdminOrder> {
  return withOrderLock(orderId, async () => {
    const order = await loadOrder(orderId);
    assertOrderOpen(order, "capture its payment");
    const payment = order.payments.find((candidate) => !candidate.capturedAt && !candidate.canceledAt);
    if (!payment) {
      if (order.payments.some((candidate) => candidate.capturedAt)) throw notAllowed("The payment of this order is already captured", "payment_already_captured");
      throw notAllowed("This order has no payment that can be captured", "no_capturable_payment");
    }
    const data = await providerOf(payment)
      .capturePayment(paymentData(payment), { idempotencyKey: `capture-${payment.id}` })
      .catch((error: unknown) => providerRefused("capture the payment", error));
    await db().$transaction(async (tx) => {
      await settleCapture(tx, order, payment, data, actor);
    });
    return retrieveAdminOrder(orderId);
  });
}

export async function settleCapture(tx: DbTransaction, order: OrderRow, payment: PaymentRow, data: ProviderData, actor: OrderActor) {
  await tx.payment.update({ where: { id: payment.id }, data: { capturedAt: new Date(), dataJson: JSON.stringify(data) } });
  await refreshOrderStatuses(tx, order.id);
  await recordActivity(tx, order.id, actor, "payment_captured", { payment_id: payment.id, amount: payment.amount, currency_code: payment.currencyCode });
  await recordEvent(tx, { name: "order.payment_captured", resourceId: order.id, data: { payment_id: payment.id, amount: payment.amount } });
}

/** `no_notification` (Medusa v1's flag): the shopper is not emailed about this refund. */
export type RefundInput = { amount: number; reason: RefundReason; note?: string | null; no_notification?: boolean };

/** A cancellation's own refund: the cancellation notice tells the shopper, not a refund email too. */
const CANCELED_ORDER_NOTE = "Order canceled";

export function refundOrderPayment(orderId: string, input: RefundInput, actor: OrderActor): Promise<AdminOrder> {
  return withOrderLock(orderId, async () => {
    await settlePendingRefunds(orderId, actor);
    const order = await loadOrder(orderId);
    if (order.status === "archived") throw notAllowed("An archived order cannot be changed", "order_archived");
    const captured = order.payments.filter((payment) => payment.capturedAt);
    if (captured.length === 0) throw notAllowed("Nothing has been captured on this order yet, so nothing can be refunded", "payment_not_captured");
    const refundable = captured.reduce((sum, payment) => sum + payment.amount - payment.amountRefunded, 0);
    if (input.amount > refundable) {
      throw notAllowed(
        `Cannot refund ${input.amount}: only ${refundable} ${order.currencyCode.toUpperCase()} of what was captured is left to refund`,
        "refund_exceeds_captured",
      );
    }
    const payment = captured.find((candidate) => candidate.amount - candidate.amountRefunded >= input.amount);
    if (!payment) throw notAllowed("The amount spans several payments; refund each payment separately", "refund_spans_payments");
    const refund = await db().refund.create({
      data: {
        id: newId("refund"),
        orderId,
        paymentId: payment.id,
        amount: input.amount,
        reason: input.reason,
        note: input.note ?? null,
        status: "pending",
        noNotification: input.no_notification === true,
      },
    });
    await executeRefund(refund, payment, actor);
    return retrieveAdminOrder(orderId);
  });
}

type RefundRow = OrderRow["refunds"][number];

/** Asks the provider for a pending refund (again, with the same key) and settles it. */
async function executeRefund(refund: RefundRow, payment: PaymentRow, actor: OrderActor) {
  const provider = providerOf(payment);
  let data: ProviderData;
  try {
    data = await provider.refundPayment(paymentData(payment), {
      amount: refund.amount,
      idempotencyKey: `refund-${refund.id}`,
      metadata: { refund_id: refund.id, order_id: refund.orderId, reason: refund.reason },
    });
  } catch (error) {
    // A definite refusal moved no money: forget the refund. Anything else may have moved it:
    // the pending row stays, to be replayed with the same key by the next operation.
    if (error instanceof PaymentProviderError) await db().refund.delete({ where: { id: refund.id } });
    return providerRefused("refund the payment", error);
  }
  await db().$transaction(async (tx) => {
    // Only a refund still pending is settled: a replay of one settled meanwhile changes nothing.
    const settled = await tx.refund.updateMany({ where: { id: refund.id, status: "pending" }, data: { status: "succeeded" } });
    if (settled.count === 0) return;
    await tx.payment.update({ where: { id: payment.id }, data: { amountRefunded: { increment: refund.amount }, dataJson: JSON.stringify(data) } });
    await refreshOrderStatuses(tx, refund.orderId);
    await recordActivity(tx, refund.orderId, actor, "refund_created", {
      refund_id: refund.id,
      amount: refund.amount,
      currency_code: payment.currencyCode,
      reason: refund.reason,
      note: refund.note,
    });
    // The refund row keeps the merchant's no_notification, so a replay after a crash honours it.
    const silent = refund.noNotification || refund.note === CANCELED_ORDER_NOTE;
    await recordEvent(tx, {
      name: "order.refund_created",
      resourceId: refund.orderId,
      data: { refund_id: refund.id, amount: refund.amount, reason: refund.reason, ...(silent ? { no_notification: true } : {}) },
    });
  });
}

/** Replays refunds a crashed or timed-out operation left pending (call while holding the order). */
export async function settlePendingRefunds(orderId: string, actor: OrderActor) {
  const pending = await db().refund.findMany({ where: { orderId, status: "pending" }, include: { payment: true }, orderBy: { id: "asc" } });
  for (const refund of pending) await executeRefund(refund, refund.payment, actor);
}

/**
 * Cancels the order: an authorization is voided, captured money that is left is refunded, stock
 * goes back on the shelf. Not once anything is fulfilled (cancel those fulfilments first) and
 * never once shipped.
 */
export function cancelOrder(orderId: string, actor: OrderActor): Promise<AdminOrder> {
  return withOrderLock(orderId, async () => {
    await settlePendingRefunds(orderId, actor);
    let order = await loadOrder(orderId);
    assertOrderOpen(order, "cancel it");
    if (order.status === "completed") throw notAllowed("A completed order cannot be canceled", "order_completed");
    const live = order.fulfillments.filter((fulfillment) => !fulfillment.canceledAt);
    if (live.some((fulfillment) => fulfillment.shippedAt)) throw notAllowed("A shipped order cannot be canceled", "order_shipped");
    if (live.length) throw notAllowed("Cancel the order's fulfillments before canceling the order", "order_has_fulfillments");

    for (const payment of order.payments.filter((candidate) => candidate.capturedAt && candidate.amount > candidate.amountRefunded)) {
      const refund = await db().refund.create({
        data: { id: newId("refund"), orderId, paymentId: payment.id, amount: payment.amount - payment.amountRefunded, reason: "other", note: CANCELED_ORDER_NOTE, status: "pending" },
      });
      await executeRefund(refund, payment, actor);
    }
    const voided = new Map<string, ProviderData>();
    for (const payment of order.payments.filter((candidate) => !candidate.capturedAt && !candidate.canceledAt)) {
      const data = await providerOf(payment)
        .cancelPayment(paymentData(payment), { idempotencyKey: `cancel-${payment.id}` })
        .catch((error: unknown) => providerRefused("void the payment", error));
      voided.set(payment.id, data);
    }
    order = await loadOrder(orderId);
    await db().$transaction(async (tx) => {
      const now = new Date();
      for (const [paymentId, data] of voided) await tx.payment.update({ where: { id: paymentId }, data: { canceledAt: now, dataJson: JSON.stringify(data) } });
      await restock(tx, order);
      await tx.order.update({ where: { id: orderId }, data: { status: "canceled", canceledAt: now } });
      await refreshOrderStatuses(tx, orderId);
      await recordActivity(tx, orderId, actor, "order_canceled", {});
      await recordEvent(tx, { name: "order.canceled", resourceId: orderId, data: {} });
    });
    return retrieveAdminOrder(orderId);
  });
}

async function restock(tx: DbTransaction, order: OrderRow) {
  for (const item of order.items) {
    await tx.productVariant.updateMany({ where: { id: item.variantId, manageInventory: true }, data: { inventoryQuantity: { increment: item.quantity } } });
  }
}

