// Retention of the outbox and the mailbox, on a fresh database of the suite's dialect (the suite's
// own instances prune their database by the clock, which would race a test there): old delivered
// events go with their deliveries, pending and dead ones stay whatever their age, old mailbox
// messages and .eml files go, one clean-up is bounded, and the dispatcher runs it by itself.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { prepareDatabase } from "../../scripts/prepare-database";
import { db, disconnectDb } from "../../lib/db/client";
import { newId } from "../../lib/commerce/ids";
import { OutboxDispatcher, dispatcherSettings } from "../../lib/events/dispatcher";
import { pruneOldRecords, retentionSettings } from "../../lib/events/retention";
import { pruneMailboxFiles } from "../../lib/email/mailbox";
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from "../support/test-databases";

const dialect = process.env.TEST_DIALECT === "postgres" ? "postgres" : "sqlite";
let database: TestDatabase;

before(async () => {
  database = dialect === "postgres" ? (await createPostgresDatabase("retention"))! : createSqliteDatabase("retention");
  process.env.DATABASE_URL = database.url;
  await prepareDatabase({ quiet: true, seed: false, waitSeconds: 0 });
});

after(async () => {
  await disconnectDb();
  await database?.drop();
});

const DAY = 24 * 60 * 60 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY);

async function event(status: "pending" | "delivered" | "dead", finishedDaysAgo: number | null, createdDaysAgo = finishedDaysAgo ?? 1) {
  const id = newId("event");
  const createdAt = daysAgo(createdDaysAgo);
  await db().outboxEvent.create({
    data: {
      id,
      name: "order.placed",
      resourceId: `order_${id}`,
      status,
      createdAt,
      fannedOutAt: createdAt,
      finishedAt: finishedDaysAgo === null ? null : daysAgo(finishedDaysAgo),
      deliveries: { create: { id: newId("eventDelivery"), subscriber: "email", resourceId: `order_${id}`, eventCreatedAt: createdAt, status, attempts: 1 } },
    },
  });
  return id;
}

async function mail(createdDaysAgo: number) {
  const id = newId("mailboxMessage");
  await db().mailboxMessage.create({
    data: { id, messageId: `<${id}@shop.test>`, toAddress: "a@example.com", subject: "s", text: "t", html: "<p>h</p>", raw: "r", createdAt: daysAgo(createdDaysAgo) },
  });
  return id;
}

const exists = async (id: string) => (await db().outboxEvent.count({ where: { id } })) === 1;

describe("retention", () => {
  test("settings: 30 days by default, 0 keeps for ever, nonsense falls back", () => {
    const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;
    assert.deepEqual(retentionSettings({} as NodeJS.ProcessEnv), { eventDays: 30, mailboxDays: 30, batchSize: 500, maxBatches: 20 });
    assert.equal(retentionSettings(env({ EVENTS_RETENTION_DAYS: "0" })).eventDays, 0);
    assert.equal(retentionSettings(env({ MAILBOX_RETENTION_DAYS: "7" })).mailboxDays, 7);
    assert.equal(retentionSettings(env({ EVENTS_RETENTION_DAYS: "-3" })).eventDays, 30);
    assert.equal(retentionSettings(env({ EVENTS_RETENTION_DAYS: "soon" })).eventDays, 30);
  });

  test("old delivered events go with their deliveries, in bounded batches; recent, pending and dead ones stay", async () => {
    const old = await Promise.all(Array.from({ length: 5 }, () => event("delivered", 40)));
    const recent = await event("delivered", 2, 45); // created long ago, delivered recently
    const deadOld = await event("dead", 60);
    const pendingOld = await event("pending", null, 90);
    const oldMail = await mail(40);
    const newMail = await mail(1);

    const bounded = { eventDays: 30, mailboxDays: 30, batchSize: 2, maxBatches: 2 };
    assert.deepEqual(await pruneOldRecords(bounded), { events: 4, mailboxMessages: 1 }, "at most batchSize × maxBatches per run");
    assert.deepEqual(await pruneOldRecords(bounded), { events: 1, mailboxMessages: 0 }, "the rest on the next run");
    assert.deepEqual(await pruneOldRecords(bounded), { events: 0, mailboxMessages: 0 });

    for (const id of old) assert.equal(await exists(id), false);
    assert.equal(await db().eventDelivery.count({ where: { eventId: { in: old } } }), 0, "their deliveries went too");
    for (const id of [recent, deadOld, pendingOld]) assert.equal(await exists(id), true);
    assert.equal(await db().eventDelivery.count({ where: { eventId: { in: [recent, deadOld, pendingOld] } } }), 3);
    assert.equal(await db().mailboxMessage.count({ where: { id: oldMail } }), 0);
    assert.equal(await db().mailboxMessage.count({ where: { id: newMail } }), 1);

    // 0 days: nothing is pruned, however old.
    const kept = await event("delivered", 400);
    assert.deepEqual(await pruneOldRecords({ ...bounded, eventDays: 0, mailboxDays: 0 }), { events: 0, mailboxMessages: 0 });
    assert.equal(await exists(kept), true);
  });

  test(".eml files older than the mailbox retention are deleted, others kept", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "mailbox-retention-"));
    try {
      const write = (name: string, ageDays: number) => {
        const file = path.join(folder, name);
        fs.writeFileSync(file, "raw");
        const time = daysAgo(ageDays);
        fs.utimesSync(file, time, time);
      };
      write("old.eml", 31);
      write("new.eml", 1);
      write("old-notes.txt", 90);
      assert.equal(await pruneMailboxFiles(folder, 30), 1);
      assert.deepEqual(fs.readdirSync(folder).sort(), ["new.eml", "old-notes.txt"]);
      assert.equal(await pruneMailboxFiles(folder, 0), 0);
      assert.equal(await pruneMailboxFiles(path.join(folder, "missing"), 30), 0, "no folder yet: nothing to do");
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test("the dispatcher runs its housekeeping now and then, and a failing one does not stop delivery", async () => {
    let runs = 0;
    const dispatcher = new OutboxDispatcher([], { ...dispatcherSettings({} as NodeJS.ProcessEnv), pollMs: 10, housekeepingIntervalMs: 30 }, async () => {
      runs++;
      if (runs === 1) throw new Error("database busy");
    });
    dispatcher.start();
    const deadline = Date.now() + 5_000;
    while (runs < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await dispatcher.stop();
    assert.ok(runs >= 3, `housekeeping ran ${runs} times`);
  });
});
