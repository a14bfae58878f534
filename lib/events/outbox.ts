// Domain events, recorded in the transaction of the change they describe (a transactional
// outbox): an event exists exactly when its change committed, and survives a crash right after
// the commit. Delivery to subscribers (emails, integrations) reads these rows afterwards.
import { createHash } from "node:crypto";
import type { DbTransaction } from "../db/client";
import { ID_PREFIXES, newId } from "../commerce/ids";

export type DomainEventName =
  | "order.placed"
  | "order.payment_captured"
  | "order.refund_created"
  | "order.canceled"
  | "order.fulfillment_created"
  | "order.shipment_created"
  | "customer.created"
  | "customer.password_reset"
  | "order.claim_requested"
  /** A payment of the cart that no order and no open session uses was given back (refunded, or its authorization voided). */
  | "payment.orphan_refunded"
  | "payment.orphan_canceled";

export type DomainEvent = {
  name: DomainEventName;
  /** The order or customer the event is about (the cart, for a payment no order uses). */
  resourceId: string;
  /** What a subscriber needs beyond the resource itself (e.g. the refund id, a reset token). */
  data?: Record<string, unknown>;
};

/** Writes the event inside `tx`; it is rolled back with the change if the transaction fails. */
export async function recordEvent(tx: DbTransaction, event: DomainEvent): Promise<string> {
  const id = newId("event");
  await createEvent(tx, id, event);
  return id;
}

/**
 * Records the event unless one was recorded under `onceKey` before (a change a provider reports
 * again and again, e.g. a redelivered webhook). The key fixes the event's id, so of two
 * transactions racing, the second fails with a unique violation and records nothing. Returns
 * false when the event was there already. (Delivered events are pruned after
 * EVENTS_RETENTION_DAYS; the key is forgotten with them.)
 */
export async function recordEventOnce(tx: DbTransaction, event: DomainEvent, onceKey: string): Promise<boolean> {
  const id = `${ID_PREFIXES.event}_once_${createHash("sha256").update(onceKey).digest("hex").slice(0, 40)}`;
  if (await tx.outboxEvent.findUnique({ where: { id }, select: { id: true } })) return false;
  await createEvent(tx, id, event);
  return true;
}

async function createEvent(tx: DbTransaction, id: string, event: DomainEvent) {
  await tx.outboxEvent.create({
    data: {
      id,
      name: event.name,
      resourceId: event.resourceId,
      dataJson: JSON.stringify(event.data ?? {}),
      createdAt: nextEventTime(),
    },
  });
}

// Events of one resource are delivered in (createdAt, id) order. Two events recorded in the same
// millisecond (one transaction that fulfils and ships) would otherwise tie and fall back to the
// random part of their ids, so within a process each event gets a strictly later time.
let lastEventTime = 0;
function nextEventTime(): Date {
  lastEventTime = Math.max(Date.now(), lastEventTime + 1);
  return new Date(lastEventTime);
}
