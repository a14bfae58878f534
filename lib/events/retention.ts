// Retention: the outbox and the mailbox would otherwise grow forever. Delivered events (with their
// deliveries, by cascade) and mailbox messages older than their retention are deleted in small
// batches, so one clean-up never holds the database long; the dispatcher runs it now and then
// (EVENTS_PRUNE_INTERVAL_MS). Pending and dead events are never pruned: a dead one waits for the
// merchant (/admin/events). Several instances pruning at once only delete the same rows.
import { db } from "../db/client";

const DAY_MS = 24 * 60 * 60 * 1000;

export type RetentionSettings = {
  /** Delivered events finished longer ago than this are deleted; 0 keeps them forever. */
  eventDays: number;
  /** Mailbox messages older than this are deleted; 0 keeps them forever. */
  mailboxDays: number;
  /** Rows per delete statement, and statements per run at most. */
  batchSize: number;
  maxBatches: number;
};

const days = (value: string | undefined, fallback: number) => {
  if (value === undefined || value === "") return fallback;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : fallback;
};

export function retentionSettings(env: NodeJS.ProcessEnv = process.env): RetentionSettings {
  return { eventDays: days(env.EVENTS_RETENTION_DAYS, 30), mailboxDays: days(env.MAILBOX_RETENTION_DAYS, 30), batchSize: 500, maxBatches: 20 };
}

export type PruneResult = { events: number; mailboxMessages: number };

/** One bounded clean-up: at most batchSize × maxBatches rows of each kind. */
export async function pruneOldRecords(settings: RetentionSettings, now = new Date()): Promise<PruneResult> {
  const result: PruneResult = { events: 0, mailboxMessages: 0 };
  if (settings.eventDays > 0) {
    const before = new Date(now.getTime() - settings.eventDays * DAY_MS);
    result.events = await inBatches(settings, async (take) => {
      const rows = await db().outboxEvent.findMany({ where: { status: "delivered", finishedAt: { lt: before } }, select: { id: true }, take });
      if (rows.length === 0) return 0;
      const ids = rows.map((row) => row.id);
      // Deliveries first: the same on every database, whatever its foreign keys cascade.
      await db().eventDelivery.deleteMany({ where: { eventId: { in: ids } } });
      return (await db().outboxEvent.deleteMany({ where: { id: { in: ids }, status: "delivered" } })).count;
    });
  }
  if (settings.mailboxDays > 0) {
    const before = new Date(now.getTime() - settings.mailboxDays * DAY_MS);
    result.mailboxMessages = await inBatches(settings, async (take) => {
      const rows = await db().mailboxMessage.findMany({ where: { createdAt: { lt: before } }, select: { id: true }, take });
      if (rows.length === 0) return 0;
      return (await db().mailboxMessage.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } })).count;
    });
  }
  return result;
}

async function inBatches(settings: RetentionSettings, deleteBatch: (take: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < settings.maxBatches; batch++) {
    const deleted = await deleteBatch(settings.batchSize);
    total += deleted;
    if (deleted < settings.batchSize) break;
  }
  return total;
}
