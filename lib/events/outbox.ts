// Domain events, recorded in the transaction of the change they describe (a transactional
// outbox): an event exists exactly when its change committed, and survives a crash right after
// the commit. Delivery to subscribers (emails, integrations) reads these rows afterwards.
import type { DbTransaction } from "../db/client";
import { newId } from "../commerce/ids";

export type DomainEventName =
  | "order.placed"
  | "order.payment_captured"
  | "order.refund_created"
  | "order.canceled"
  | "order.fulfillment_created"
  | "order.shipment_created"
  | "customer.created"
  | "customer.password_reset"
  | "order.claim_requested";

export type DomainEvent = {
  name: DomainEventName;
  /** The order or customer the event is about. */
  resourceId: string;
  /** What a subscriber needs beyond the resource itself (e.g. the refund id, a reset token). */
  data?: Record<string, unknown>;
};

/** Writes the event inside `tx`; it is rolled back with the change if the transaction fails. */
export async function recordEvent(tx: DbTransaction, event: DomainEvent): Promise<string> {
  const id = newId("event");
  await tx.outboxEvent.create({
    data: {
      id,
      name: event.name,
      resourceId: event.resourceId,
      dataJson: JSON.stringify(event.data ?? {}),
      createdAt: nextEventTime(),
    },
  });
  return id;
}

// Events of one resource are delivered in (createdAt, id) order. Two events recorded in the same
// millisecond (one transaction that fulfils and ships) would otherwise tie and fall back to the
// random part of their ids, so within a process each event gets a strictly later time.
let lastEventTime = 0;
function nextEventTime(): Date {
  lastEventTime = Math.max(Date.now(), lastEventTime + 1);
  return new Date(lastEventTime);
}
