// Delivers outbox events to subscribers, in the app process. Each pass:
//   1. fan out: every event not yet fanned out gets one EventDelivery per interested subscriber
//      (unique per event and subscriber, so instances racing here create each once)
//   2. pick due deliveries of this instance's subscribers (pending, availableAt passed, no live
//      lease), oldest event first
//   3. skip one whose subscriber still has an earlier delivery of the same resource pending:
//      events of one order reach a subscriber in order, and a failing subscriber holds back only
//      its own later deliveries for that order, never another subscriber's nor another order's
//      (such a lane is left out of the next page of the same pass)
//   4. claim it with a conditional update (a lease: lockedBy/lockedUntil, guarded by the attempt
//      count as a version), so of several instances on one database exactly one wins
//   5. hand it to the subscriber; success → delivered; failure → retried after exponential
//      backoff with jitter, or dead after the last attempt, with the error kept either way
//   6. when an event has no pending delivery left, the event itself is marked delivered or dead
// An instance that dies mid-delivery leaves a lease that expires; another instance then delivers
// again (at least once). Subscribers are idempotent per (event, subscriber) key.
// Now and then (EVENTS_PRUNE_INTERVAL_MS) the loop also runs its housekeeping: the bounded
// clean-up of old delivered events and mailbox messages (retention.ts).
import os from "node:os";
import crypto from "node:crypto";
import { db, isUniqueConstraintError } from "../db/client";
import { newId } from "../commerce/ids";
import { retryDelayMs } from "./backoff";
import type { DomainEventName } from "./outbox";
import type { DeliveredEvent, Subscriber } from "./subscriber";

export type DispatcherSettings = {
  enabled: boolean;
  pollMs: number;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  batchSize: number;
  /** How often the housekeeping (retention clean-up) runs; the first run is a minute after start at most. */
  housekeepingIntervalMs: number;
};

const positive = (value: string | undefined, fallback: number) => {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
};

export function dispatcherSettings(env: NodeJS.ProcessEnv = process.env): DispatcherSettings {
  return {
    enabled: env.EVENTS_DISPATCHER !== "off",
    pollMs: positive(env.EVENTS_POLL_MS, 1_000),
    leaseMs: positive(env.EVENTS_LEASE_MS, 60_000),
    maxAttempts: Math.floor(positive(env.EVENTS_MAX_ATTEMPTS, 12)),
    retryBaseMs: positive(env.EVENTS_RETRY_BASE_MS, 5_000),
    retryMaxMs: positive(env.EVENTS_RETRY_MAX_MS, 3_600_000),
    batchSize: 25,
    housekeepingIntervalMs: positive(env.EVENTS_PRUNE_INTERVAL_MS, 3_600_000),
  };
}

type DeliveryRow = Awaited<ReturnType<typeof dueDeliveries>>[number];
const MAX_PAGES_PER_PASS = 4;
const FAN_OUT_BATCH = 100;

type Lane = { subscriber: string; resourceId: string };

/** Due deliveries, oldest event first, leaving out lanes (subscriber × resource) known to wait. */
async function dueDeliveries(now: Date, take: number, subscribers: string[], waiting: Lane[]) {
  return db().eventDelivery.findMany({
    where: {
      status: "pending",
      subscriber: { in: subscribers },
      availableAt: { lte: now },
      OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      ...(waiting.length > 0 ? { NOT: waiting.map((lane) => ({ subscriber: lane.subscriber, resourceId: lane.resourceId })) } : {}),
    },
    orderBy: [{ eventCreatedAt: "asc" }, { eventId: "asc" }],
    take,
    include: { event: true },
  });
}

export class OutboxDispatcher {
  readonly instanceId = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString("hex")}`;
  private readonly subscribers: Map<string, Subscriber>;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private lastLoggedError = "";
  private nextHousekeepingAt: number;

  constructor(
    subscribers: Subscriber[],
    private readonly settings: DispatcherSettings,
    private readonly housekeeping: () => Promise<void> = async () => {},
  ) {
    this.subscribers = new Map(subscribers.map((subscriber) => [subscriber.name, subscriber]));
    this.nextHousekeepingAt = Date.now() + Math.min(settings.housekeepingIntervalMs, 60_000);
  }

  start(): void {
    if (this.loop) return;
    this.loop = this.run();
  }

  /** Stops claiming; the delivery in hand (at most one) is finished, up to timeoutMs. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wake?.();
    if (this.loop) await Promise.race([this.loop, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      let progressed = false;
      try {
        progressed = await this.pass();
        this.lastLoggedError = "";
      } catch (error) {
        // The database may be unreachable or not migrated yet; say so once, not every second.
        const message = describe(error);
        if (message !== this.lastLoggedError) console.error(`outbox: dispatcher pass failed: ${message}`);
        this.lastLoggedError = message;
      }
      if (!this.stopping && Date.now() >= this.nextHousekeepingAt) await this.runHousekeeping();
      if (!progressed && !this.stopping) await this.sleep(this.settings.pollMs * (0.75 + Math.random() * 0.5));
    }
  }

  private async runHousekeeping(): Promise<void> {
    // Jittered, so instances started together do not all clean up at the same moment.
    this.nextHousekeepingAt = Date.now() + this.settings.housekeepingIntervalMs * (0.9 + Math.random() * 0.2);
    try {
      await this.housekeeping();
    } catch (error) {
      console.error(`outbox: housekeeping failed: ${describe(error)}`);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** One pass; true when something was fanned out or delivered (then the next pass follows at once). */
  async pass(): Promise<boolean> {
    const fannedOut = await this.fanOut();
    let delivered = 0;
    // Lanes whose oldest delivery is held back (retrying) are left out of the next page, so a
    // backlog behind one failing order never starves the deliveries of other orders.
    const waiting: Lane[] = [];
    for (let page = 0; page < MAX_PAGES_PER_PASS && !this.stopping; page++) {
      // Only this instance's subscribers: another instance may run one this one lacks.
      const due = await dueDeliveries(new Date(), this.settings.batchSize, [...this.subscribers.keys()], waiting);
      for (const delivery of due) {
        if (this.stopping) break;
        if (waiting.some((lane) => lane.subscriber === delivery.subscriber && lane.resourceId === delivery.resourceId)) continue;
        if (await this.waitsForEarlierDelivery(delivery)) {
          waiting.push({ subscriber: delivery.subscriber, resourceId: delivery.resourceId });
          continue;
        }
        if (!(await this.claim(delivery))) continue;
        await this.deliver(delivery, delivery.attempts + 1);
        delivered++;
      }
      if (due.length < this.settings.batchSize) break;
    }
    return fannedOut + delivered > 0;
  }

  private async fanOut(): Promise<number> {
    const events = await db().outboxEvent.findMany({
      where: { fannedOutAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: FAN_OUT_BATCH,
    });
    for (const event of events) {
      const interested = [...this.subscribers.values()].filter((subscriber) => subscriber.handles(event.name));
      for (const subscriber of interested) {
        try {
          await db().eventDelivery.create({
            data: {
              id: newId("eventDelivery"),
              eventId: event.id,
              subscriber: subscriber.name,
              resourceId: event.resourceId,
              eventCreatedAt: event.createdAt,
            },
          });
        } catch (error) {
          if (!isUniqueConstraintError(error)) throw error; // another instance fanned it out
        }
      }
      const now = new Date();
      await db().outboxEvent.updateMany({
        where: { id: event.id, fannedOutAt: null },
        data: interested.length > 0 ? { fannedOutAt: now } : { fannedOutAt: now, status: "delivered", finishedAt: now },
      });
    }
    return events.length;
  }

  private async waitsForEarlierDelivery(delivery: DeliveryRow): Promise<boolean> {
    const earlier = await db().eventDelivery.count({
      where: {
        subscriber: delivery.subscriber,
        resourceId: delivery.resourceId,
        status: "pending",
        id: { not: delivery.id },
        OR: [
          { eventCreatedAt: { lt: delivery.eventCreatedAt } },
          { eventCreatedAt: delivery.eventCreatedAt, eventId: { lt: delivery.eventId } },
        ],
      },
    });
    return earlier > 0;
  }

  private async claim(delivery: DeliveryRow): Promise<boolean> {
    const now = new Date();
    const claimed = await db().eventDelivery.updateMany({
      where: {
        id: delivery.id,
        status: "pending",
        attempts: delivery.attempts,
        availableAt: { lte: now },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      data: { lockedBy: this.instanceId, lockedUntil: new Date(now.getTime() + this.settings.leaseMs), attempts: { increment: 1 } },
    });
    return claimed.count === 1;
  }

  private async deliver(delivery: DeliveryRow, attempt: number): Promise<void> {
    const subscriber = this.subscribers.get(delivery.subscriber);
    const event: DeliveredEvent = {
      id: delivery.event.id,
      name: delivery.event.name as DomainEventName,
      resourceId: delivery.event.resourceId,
      data: JSON.parse(delivery.event.dataJson) as Record<string, unknown>,
      createdAt: delivery.event.createdAt,
    };
    const mine = { id: delivery.id, lockedBy: this.instanceId };
    try {
      if (!subscriber) throw new Error(`no subscriber named "${delivery.subscriber}" runs in this instance`); // not picked, see dueDeliveries
      await subscriber.deliver(event, { key: `${event.id}.${delivery.subscriber}`, attempt });
      await db().eventDelivery.updateMany({
        where: mine,
        data: { status: "delivered", deliveredAt: new Date(), lockedBy: null, lockedUntil: null },
      });
    } catch (error) {
      const dead = attempt >= this.settings.maxAttempts;
      const message = describe(error).slice(0, 2_000);
      const retryIn = retryDelayMs(attempt, { baseMs: this.settings.retryBaseMs, maxMs: this.settings.retryMaxMs });
      console.error(
        `outbox: ${event.name} ${event.id} → ${delivery.subscriber} failed (attempt ${attempt}/${this.settings.maxAttempts}): ${message}` +
          (dead ? "; dead-lettered" : `; retrying in ${(retryIn / 1000).toFixed(1)} s`),
      );
      await db().eventDelivery.updateMany({
        where: mine,
        data: {
          status: dead ? "dead" : "pending",
          lastError: message,
          availableAt: dead ? undefined : new Date(Date.now() + retryIn),
          lockedBy: null,
          lockedUntil: null,
        },
      });
    }
    await this.finishEventWhenDone(delivery.eventId);
  }

  private async finishEventWhenDone(eventId: string): Promise<void> {
    const pending = await db().eventDelivery.count({ where: { eventId, status: "pending" } });
    if (pending > 0) return;
    const dead = await db().eventDelivery.count({ where: { eventId, status: "dead" } });
    await db().outboxEvent.updateMany({
      where: { id: eventId, finishedAt: null },
      data: { status: dead > 0 ? "dead" : "delivered", finishedAt: new Date() },
    });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
