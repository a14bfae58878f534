// Event deliveries as the merchant sees them in the back office: what is still on its way, what is
// failing (retried with backoff) and what is dead (gave up after EVENTS_MAX_ATTEMPTS), each with
// its attempts and last error, and sending a dead one back to be tried again.
import { db } from "../db/client";
import { looksLikeId } from "../commerce/ids";
import { notAllowed, notFound } from "../commerce/errors";
import type { OrderActor } from "../order-management/actor";

export const DELIVERY_FILTERS = ["unfinished", "pending", "failing", "dead"] as const;
export type DeliveryFilter = (typeof DELIVERY_FILTERS)[number];

export type AdminEventDelivery = {
  id: string;
  event_id: string;
  event_name: string;
  resource_id: string;
  subscriber: string;
  /** pending | delivered | dead */
  status: string;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string | null;
  event_created_at: string;
  delivered_at: string | null;
  retried_at: string | null;
  retried_by: string | null;
};

const WHERE: Record<DeliveryFilter, object> = {
  unfinished: { status: { in: ["pending", "dead"] } },
  pending: { status: "pending" },
  failing: { status: "pending", lastError: { not: null } },
  dead: { status: "dead" },
};

const include = { event: { select: { name: true } } } as const;
type Row = Awaited<ReturnType<typeof listRows>>[number];
const listRows = (where: object, take: number, skip: number) =>
  db().eventDelivery.findMany({ where, include, orderBy: [{ eventCreatedAt: "desc" }, { id: "desc" }], take, skip });

function serialize(row: Row): AdminEventDelivery {
  return {
    id: row.id,
    event_id: row.eventId,
    event_name: row.event.name,
    resource_id: row.resourceId,
    subscriber: row.subscriber,
    status: row.status,
    attempts: row.attempts,
    last_error: row.lastError,
    next_attempt_at: row.status === "pending" ? row.availableAt.toISOString() : null,
    event_created_at: row.eventCreatedAt.toISOString(),
    delivered_at: row.deliveredAt?.toISOString() ?? null,
    retried_at: row.retriedAt?.toISOString() ?? null,
    retried_by: row.retriedBy,
  };
}

export async function listEventDeliveries(query: { filter: DeliveryFilter; limit: number; offset: number }) {
  const where = WHERE[query.filter];
  const [rows, count, pending, failing, dead] = await Promise.all([
    listRows(where, query.limit, query.offset),
    db().eventDelivery.count({ where }),
    db().eventDelivery.count({ where: WHERE.pending }),
    db().eventDelivery.count({ where: WHERE.failing }),
    db().eventDelivery.count({ where: WHERE.dead }),
  ]);
  return { deliveries: rows.map(serialize), count, limit: query.limit, offset: query.offset, counts: { pending, failing, dead } };
}

/**
 * Sends a dead delivery back to pending with a fresh set of attempts, at once, and reopens its
 * event. Conditional on it being dead, so two merchants retrying at once retry it once; who did it
 * and when stay on the delivery (and in the server log).
 */
export async function retryEventDelivery(id: string, actor: OrderActor): Promise<AdminEventDelivery> {
  if (!looksLikeId("eventDelivery", id)) throw notFound("Event delivery", id);
  const now = new Date();
  // Read back inside the transaction: the answer is the delivery as retried, before any
  // dispatcher (which waits for this commit) claims it again.
  const { retried, row } = await db().$transaction(async (tx) => {
    const changed = await tx.eventDelivery.updateMany({
      where: { id, status: "dead" },
      data: { status: "pending", attempts: 0, availableAt: now, lockedBy: null, lockedUntil: null, retriedAt: now, retriedBy: actor.label },
    });
    if (changed.count === 1) {
      const delivery = await tx.eventDelivery.findUniqueOrThrow({ where: { id }, select: { eventId: true } });
      await tx.outboxEvent.update({ where: { id: delivery.eventId }, data: { status: "pending", finishedAt: null } });
    }
    return { retried: changed.count === 1, row: await tx.eventDelivery.findUnique({ where: { id }, include }) };
  });
  if (!row) throw notFound("Event delivery", id);
  if (!retried) throw notAllowed(`Only a dead delivery can be retried; this one is ${row.status}`, "delivery_not_dead");
  console.info(`outbox: ${row.event.name} ${row.eventId} → ${row.subscriber} sent back for delivery by ${actor.label}`);
  return serialize(row);
}
