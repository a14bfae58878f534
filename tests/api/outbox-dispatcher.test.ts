// The dispatcher's rules, driven pass by pass on a fresh database of the suite's dialect (no app
// instance runs a dispatcher on it): dead letters after the last attempt, order per resource per
// subscriber, one subscriber's failures never holding back another, and racing dispatchers
// delivering each event once. Several processes on one database are tested over HTTP in
// order-emails.test.ts; here the subscribers are the test's own, to make them fail on purpose.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { prepareDatabase } from "../../scripts/prepare-database";
import { db, disconnectDb } from "../../lib/db/client";
import { OutboxDispatcher, dispatcherSettings } from "../../lib/events/dispatcher";
import { recordEvent, type DomainEventName } from "../../lib/events/outbox";
import type { DeliveredEvent, Subscriber } from "../../lib/events/subscriber";
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from "../support/test-databases";

const dialect = process.env.TEST_DIALECT === "postgres" ? "postgres" : "sqlite";
let database: TestDatabase;

before(async () => {
  database = dialect === "postgres" ? (await createPostgresDatabase("outbox"))! : createSqliteDatabase("outbox");
  process.env.DATABASE_URL = database.url;
  await prepareDatabase({ quiet: true, seed: true, waitSeconds: 0 });
});

after(async () => {
  await disconnectDb();
  await database?.drop();
});

const settings = { ...dispatcherSettings({} as NodeJS.ProcessEnv), pollMs: 10, retryBaseMs: 1, retryMaxMs: 5, leaseMs: 5_000, maxAttempts: 3 };

/** A subscriber that records what it got, failing while `failUntil` says so. */
function recorder(name: string, failWhen: (event: DeliveredEvent, attempt: number) => boolean = () => false) {
  const got: { id: string; resourceId: string; key: string }[] = [];
  const subscriber: Subscriber = {
    name,
    handles: () => true,
    async deliver(event, delivery) {
      if (failWhen(event, delivery.attempt)) throw new Error(`${name} refuses ${event.id} (attempt ${delivery.attempt})`);
      got.push({ id: event.id, resourceId: event.resourceId, key: delivery.key });
    },
  };
  return { subscriber, got };
}

async function record(resourceId: string, name: DomainEventName = "order.payment_captured") {
  return db().$transaction((tx) => recordEvent(tx, { name, resourceId, data: { n: resourceId } }));
}

/** Runs passes until nothing is left to do now and nothing is due within a few ms. */
async function drain(...dispatchers: OutboxDispatcher[]) {
  for (let idle = 0; idle < 5; ) {
    const progressed = await Promise.all(dispatchers.map((dispatcher) => dispatcher.pass()));
    idle = progressed.some(Boolean) ? 0 : idle + 1;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

describe(`outbox dispatcher rules (${dialect})`, () => {
  test("a subscriber failing every time is dead-lettered after the last attempt, with its error; the other is delivered", async () => {
    const broken = recorder("broken", () => true);
    const healthy = recorder("healthy");
    const eventId = await record("order_deadletter");
    await drain(new OutboxDispatcher([broken.subscriber, healthy.subscriber], settings));

    const deliveries = await db().eventDelivery.findMany({ where: { eventId }, orderBy: { subscriber: "asc" } });
    assert.deepEqual(
      deliveries.map((delivery) => [delivery.subscriber, delivery.status, delivery.attempts]),
      [
        ["broken", "dead", 3],
        ["healthy", "delivered", 1],
      ],
    );
    assert.match(deliveries[0].lastError ?? "", /broken refuses .* \(attempt 3\)/);
    assert.deepEqual(healthy.got.map((entry) => entry.id), [eventId]);
    const event = await db().outboxEvent.findUniqueOrThrow({ where: { id: eventId } });
    assert.equal(event.status, "dead", "the event shows that a subscriber gave up");
    assert.ok(event.finishedAt);
  });

  test("events of one resource reach a subscriber in order, even when the first needs retries; other resources flow meanwhile", async () => {
    const ids = [await record("order_ordered"), await record("order_ordered"), await record("order_ordered")];
    const other = await record("order_other");
    const failFirstTwice = recorder("flaky", (event, attempt) => event.id === ids[0] && attempt <= 2);
    const dispatcher = new OutboxDispatcher([failFirstTwice.subscriber], settings);

    await dispatcher.pass(); // first pass: ids[0] fails, ids[1..2] wait behind it, the other resource goes
    assert.deepEqual(failFirstTwice.got.map((entry) => entry.id), [other]);
    await drain(dispatcher);
    assert.deepEqual(
      failFirstTwice.got.filter((entry) => entry.resourceId === "order_ordered").map((entry) => entry.id),
      ids,
    );
  });

  test("a backlog behind one failing order does not starve other orders", async () => {
    const stuck = await Promise.all(Array.from({ length: 5 }, () => record("order_stuck")));
    const free = await record("order_free");
    const stuckFirst = recorder("lane", (event) => event.id === stuck[0]);
    const small = new OutboxDispatcher([stuckFirst.subscriber], { ...settings, batchSize: 2, maxAttempts: 100 });
    await small.pass(); // fan-out
    await small.pass();
    assert.deepEqual(stuckFirst.got.map((entry) => entry.id), [free], "the other order went past the backlog");
    const pending = await db().eventDelivery.count({ where: { subscriber: "lane", resourceId: "order_stuck", status: "pending" } });
    assert.equal(pending, 5, "the stuck order's events all wait, in order");
    await db().eventDelivery.updateMany({ where: { subscriber: "lane", resourceId: "order_stuck" }, data: { status: "dead" } });
  });

  test("events recorded in one transaction keep their order", async () => {
    const ids = await db().$transaction(async (tx) => [
      await recordEvent(tx, { name: "order.fulfillment_created", resourceId: "order_same_tx" }),
      await recordEvent(tx, { name: "order.shipment_created", resourceId: "order_same_tx" }),
      await recordEvent(tx, { name: "order.canceled", resourceId: "order_same_tx" }),
    ]);
    const inOrder = recorder("ordered");
    await drain(new OutboxDispatcher([inOrder.subscriber], settings));
    assert.deepEqual(inOrder.got.filter((entry) => entry.resourceId === "order_same_tx").map((entry) => entry.id), ids);
  });

  test("racing dispatchers on one database deliver each event once, under the same idempotency key", async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, index) => record(`order_race_${index % 4}`)));
    const shared = recorder("raced");
    await drain(...Array.from({ length: 3 }, () => new OutboxDispatcher([shared.subscriber], settings)));
    const mine = shared.got.filter((entry) => ids.includes(entry.id));
    assert.equal(mine.length, ids.length, "every event delivered");
    assert.equal(new Set(mine.map((entry) => entry.id)).size, ids.length, "none twice");
    for (const entry of mine) assert.equal(entry.key, `${entry.id}.raced`);
  });
});
