// What every change to an order shares: loading it, refusing changes to a closed order, and
// writing the statuses that follow from its items and payments (order-status.ts).
import { findOrderRow } from "../commerce/orders";
import type { DbTransaction } from "../db/client";
import { notAllowed, notFound } from "../commerce/errors";
import { looksLikeId } from "../commerce/ids";
import type { OrderRow } from "../commerce/queries";
import { fulfillmentStatusOf, paymentStatusOf } from "./order-status";

export async function loadOrder(orderId: string): Promise<OrderRow> {
  if (!looksLikeId("order", orderId)) throw notFound("Order", orderId);
  const order = await findOrderRow({ id: orderId });
  if (!order) throw notFound("Order", orderId);
  return order;
}

/** Refuses changes to a canceled or archived order; `what` completes "Cannot … ". */
export function assertOrderOpen(order: Pick<OrderRow, "status">, what: string) {
  if (order.status === "canceled") throw notAllowed(`The order is canceled: cannot ${what}`, "order_canceled");
  if (order.status === "archived") throw notAllowed(`The order is archived: cannot ${what}`, "order_archived");
}

export async function refreshOrderStatuses(tx: DbTransaction, orderId: string) {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { status: true, items: { select: { quantity: true, fulfilledQuantity: true, shippedQuantity: true } }, payments: true },
  });
  const fulfillmentStatus = order.status === "canceled" ? "canceled" : fulfillmentStatusOf(order.items);
  const paymentStatus = paymentStatusOf(
    order.payments.map((payment) => ({
      amount: payment.amount,
      captured: payment.capturedAt !== null,
      canceled: payment.canceledAt !== null,
      amountRefunded: payment.amountRefunded,
    })),
  );
  await tx.order.update({ where: { id: orderId }, data: { fulfillmentStatus, paymentStatus } });
}
