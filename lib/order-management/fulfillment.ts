// Fulfilling and shipping an order, and the order's own lifecycle (complete, archive). Each runs
// holding the order (order-lock.ts) and writes its change, the order's statuses, its history
// entry and its outbox event in one transaction.
import { db } from "../db/client";
import { notAllowed, notFound } from "../commerce/errors";
import { newId } from "../commerce/ids";
import { recordEvent } from "../events/outbox";
import { recordActivity, type OrderActor } from "./actor";
import { retrieveAdminOrder, type AdminOrder } from "./admin-orders";
import { assertOrderOpen, loadOrder, refreshOrderStatuses } from "./order-rules";
import { withOrderLock } from "./order-lock";

export type FulfillmentInput = { items: { item_id: string; quantity: number }[] };

export function createFulfillment(orderId: string, input: FulfillmentInput, actor: OrderActor): Promise<AdminOrder> {
  return withOrderLock(orderId, async () => {
    const order = await loadOrder(orderId);
    assertOrderOpen(order, "fulfill it");
    if (order.status === "completed") throw notAllowed("The order is completed: cannot fulfill it", "order_completed");
    const seen = new Set<string>();
    for (const line of input.items) {
      if (seen.has(line.item_id)) throw notAllowed(`Item ${line.item_id} is listed twice`, "duplicate_item");
      seen.add(line.item_id);
      const item = order.items.find((candidate) => candidate.id === line.item_id);
      if (!item) throw notAllowed(`Item ${line.item_id} is not part of this order`, "item_not_in_order");
      const left = item.quantity - item.fulfilledQuantity;
      if (line.quantity > left) {
        throw notAllowed(
          left === 0
            ? `${item.title} is already fulfilled`
            : `Cannot fulfill ${line.quantity} of ${item.title}: only ${left} of ${item.quantity} are left to fulfill`,
          "quantity_exceeds_unfulfilled",
        );
      }
    }
    const fulfillmentId = newId("fulfillment");
    await db().$transaction(async (tx) => {
      await tx.fulfillment.create({
        data: { id: fulfillmentId, orderId, items: { create: input.items.map((line) => ({ itemId: line.item_id, quantity: line.quantity })) } },
      });
      for (const line of input.items) await tx.lineItem.update({ where: { id: line.item_id }, data: { fulfilledQuantity: { increment: line.quantity } } });
      await refreshOrderStatuses(tx, orderId);
      await recordActivity(tx, orderId, actor, "fulfillment_created", { fulfillment_id: fulfillmentId, items: input.items });
      await recordEvent(tx, { name: "order.fulfillment_created", resourceId: orderId, data: { fulfillment_id: fulfillmentId } });
    });
    return retrieveAdminOrder(orderId);
  });
}

async function liveFulfillment(orderId: string, fulfillmentId: string) {
  const order = await loadOrder(orderId);
  const fulfillment = order.fulfillments.find((candidate) => candidate.id === fulfillmentId);
  if (!fulfillment) throw notFound("Fulfillment", fulfillmentId);
  if (fulfillment.canceledAt) throw notAllowed("This fulfillment is canceled", "fulfillment_canceled");
  return { order, fulfillment };
}

export function cancelFulfillment(orderId: string, fulfillmentId: string, actor: OrderActor): Promise<AdminOrder> {
  return withOrderLock(orderId, async () => {
    const { order, fulfillment } = await liveFulfillment(orderId, fulfillmentId);
    assertOrderOpen(order, "change its fulfillments");
    if (fulfillment.shippedAt) throw notAllowed("A shipped fulfillment cannot be canceled", "fulfillment_shipped");
    await db().$transaction(async (tx) => {
      await tx.fulfillment.update({ where: { id: fulfillmentId }, data: { canceledAt: new Date() } });
      for (const line of fulfillment.items) await tx.lineItem.update({ where: { id: line.itemId }, data: { fulfilledQuantity: { decrement: line.quantity } } });
      await refreshOrderStatuses(tx, orderId);
      await recordActivity(tx, orderId, actor, "fulfillment_canceled", { fulfillment_id: fulfillmentId });
    });
    return retrieveAdminOrder(orderId);
  });
}

/** `no_notification` (Medusa v1's flag): the shopper is not emailed about this shipment. */
export type ShipmentInput = { fulfillment_id: string; tracking_numbers: string[]; no_notification?: boolean };

export function createShipment(orderId: string, input: ShipmentInput, actor: OrderActor): Promise<AdminOrder> {
  return withOrderLock(orderId, async () => {
    const { order, fulfillment } = await liveFulfillment(orderId, input.fulfillment_id);
    assertOrderOpen(order, "ship it");
    if (fulfillment.shippedAt) throw notAllowed("This fulfillment is already shipped", "fulfillment_already_shipped");
    const trackingNumbers = [...new Set(input.tracking_numbers.map((number) => number.trim()).filter(Boolean))];
    await db().$transaction(async (tx) => {
      await tx.fulfillment.update({ where: { id: fulfillment.id }, data: { shippedAt: new Date(), trackingNumbersJson: JSON.stringify(trackingNumbers) } });
      for (const line of fulfillment.items) await tx.lineItem.update({ where: { id: line.itemId }, data: { shippedQuantity: { increment: line.quantity } } });
      await refreshOrderStatuses(tx, orderId);
      await recordActivity(tx, orderId, actor, "shipment_created", { fulfillment_id: fulfillment.id, tracking_numbers: trackingNumbers });
      await recordEvent(tx, {
        name: "order.shipment_created",
        resourceId: orderId,
        data: { fulfillment_id: fulfillment.id, tracking_numbers: trackingNumbers, ...(input.no_notification ? { no_notification: true } : {}) },
      });
    });
    return retrieveAdminOrder(orderId);
  });
}

export function completeOrder(orderId: string, actor: OrderActor): Promise<AdminOrder> {
  return withOrderLock(orderId, async () => {
    const order = await loadOrder(orderId);
    assertOrderOpen(order, "complete it");
    if (order.status === "completed") throw notAllowed("The order is already completed", "order_completed");
    await db().$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: "completed" } });
      await recordActivity(tx, orderId, actor, "order_completed", {});
    });
    return retrieveAdminOrder(orderId);
  });
}

export function archiveOrder(orderId: string, actor: OrderActor): Promise<AdminOrder> {
  return withOrderLock(orderId, async () => {
    const order = await loadOrder(orderId);
    if (order.status === "archived") throw notAllowed("The order is already archived", "order_archived");
    if (order.status !== "completed" && order.status !== "canceled") {
      throw notAllowed("Only a completed or canceled order can be archived", "order_not_closed");
    }
    await db().$transaction(async (tx) => {
      await tx.order.update({ where: { id: orderId }, data: { status: "archived" } });
      await recordActivity(tx, orderId, actor, "order_archived", {});
    });
    return retrieveAdminOrder(orderId);
  });
}
