// Order emails over real SMTP: this file starts its own store (a fresh database of the suite's
// dialect, two app instances) whose SMTP_URL points at an SMTP server the test controls, and whose
// webhook subscriber posts to a receiver the test controls, so it can take either down, and kill
// instances, and check that every event still reaches every subscriber exactly once.
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, test } from "node:test";
import { prepareDatabase } from "../../scripts/prepare-database";
import { db, disconnectDb } from "../../lib/db/client";
import { SmtpCapture } from "../support/smtp-capture";
import { demoAdminToken } from "../support/admin-api";
import { api, expectOk, readyCart, pointAtStoreInstances, VARIANTS } from "../support/store-api";
import { freePort, startStoreInstance, stopStoreInstance, type StoreInstance } from "../support/store-server";
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from "../support/test-databases";

const dialect = process.env.TEST_DIALECT === "postgres" ? "postgres" : "sqlite";
const STORE_URL = "https://shop.test";
const MAIL_FROM = "Kestrel Goods <orders@shop.test>";

type Posted = { id: string; name: string; resource_id: string };
class WebhookReceiver {
  readonly received: Posted[] = [];
  failing = false;
  private server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      if (this.failing) {
        response.writeHead(500).end("down for maintenance");
        return;
      }
      this.received.push(JSON.parse(body) as Posted);
      response.writeHead(204).end();
    });
  });
  url = "";
  async start() {
    const port = await freePort();
    await new Promise<void>((resolve) => this.server.listen(port, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${port}/hooks`;
  }
  close() {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(resolve));
  }
}

const smtp = await SmtpCapture.start();
const webhook = new WebhookReceiver();
let database: TestDatabase;
let instances: StoreInstance[] = [];

function instanceEnv(): Record<string, string> {
  return {
    DATABASE_URL: database.url,
    SMTP_URL: smtp.url,
    MAIL_FROM,
    STORE_URL,
    EVENTS_WEBHOOK_URL: webhook.url,
    EVENTS_POLL_MS: "200",
    EVENTS_RETRY_BASE_MS: "300",
    EVENTS_RETRY_MAX_MS: "1500",
    EVENTS_LEASE_MS: "4000",
    EVENTS_MAX_ATTEMPTS: "1000",
  };
}

async function startInstances(count: number, label: string) {
  const started = await Promise.all(Array.from({ length: count }, (_, index) => startStoreInstance(instanceEnv(), `emails-${dialect}-${label}-${index + 1}`)));
  instances.push(...started);
  pointAtStoreInstances(instances.map((instance) => instance.url));
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function placeOrder(instance = 0) {
  const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 2 }], instance });
  const completed = expectOk(await api("POST", `/store/carts/${cart.id}/complete`, { instance }), "complete");
  assert.equal(completed.type, "order");
  return completed.data as { id: string; display_id: number; email: string; summary: { total: number }; items: { title: string }[] };
}

const emailDelivery = (orderId: string) =>
  db().eventDelivery.findFirst({ where: { resourceId: orderId, subscriber: "email", event: { name: "order.placed" } } });

before(async () => {
  database = dialect === "postgres" ? (await createPostgresDatabase("emails"))! : createSqliteDatabase("emails");
  assert.ok(database, "the Postgres server answered for the suite, so it answers here");
  process.env.DATABASE_URL = database.url;
  await prepareDatabase({ quiet: true, seed: true, waitSeconds: 0 });
  await webhook.start();
  await startInstances(2, "a");
});

after(async () => {
  await Promise.all(instances.map(stopStoreInstance));
  await disconnectDb();
  await smtp.down();
  await webhook.close();
  await database?.drop();
});

describe(`order emails over SMTP (${dialect}, two instances with a dispatcher each)`, () => {
  test("a completed checkout records one order.placed and sends one confirmation with the order in it", async () => {
    const order = await placeOrder();
    const events = await db().outboxEvent.findMany({ where: { resourceId: order.id } });
    assert.deepEqual(events.map((event) => event.name), ["order.placed"]);

    const [mail] = await waitFor("the confirmation email", () => smtp.to(order.email).length > 0 && smtp.to(order.email));
    await waitFor("the delivery to be recorded", async () => (await emailDelivery(order.id))?.status === "delivered");
    await pause(1_000); // a second send, if there were one, would arrive within the poll interval
    assert.equal(smtp.to(order.email).length, 1, "exactly one email");

    assert.equal(mail.subject, `Your Kestrel Goods order #${order.display_id} is confirmed`);
    assert.equal(mail.from?.text, `"Kestrel Goods" <orders@shop.test>`);
    assert.match(mail.messageId ?? "", new RegExp(`^<${events[0].id}\\.email@shop\\.test>$`));
    const link = `${STORE_URL}/order/confirmed/${order.id}`;
    for (const part of [mail.text ?? "", mail.html || ""]) {
      assert.ok(part.includes(`#${order.display_id}`), "order number");
      assert.ok(part.includes("Canvas Tote"), "the item");
      assert.ok(part.includes(new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(order.summary.total / 100)), "the total as the shopper saw it");
      assert.ok(part.includes("Torstraße 1"), "the shipping address");
      assert.ok(part.includes(link), "the link to the order");
    }

    const delivery = (await emailDelivery(order.id))!;
    assert.equal(delivery.attempts, 1);
    assert.equal((await db().outboxEvent.findUniqueOrThrow({ where: { id: events[0].id } })).status, "delivered");
    assert.equal(expectOk(await api("GET", `/store/orders/${order.id}`), "order").order.confirmation_email, "sent");
    await waitFor("the webhook", () => webhook.received.some((posted) => posted.id === events[0].id));
  });

  test("orders placed on both instances at once: every event reaches each subscriber exactly once", async () => {
    const orders = await Promise.all(Array.from({ length: 6 }, (_, index) => placeOrder(index % 2)));
    await waitFor("six confirmations", () => orders.every((order) => smtp.to(order.email).length > 0), 60_000);
    const eventIds = (await db().outboxEvent.findMany({ where: { resourceId: { in: orders.map((order) => order.id) } } })).map((event) => event.id);
    assert.equal(eventIds.length, 6);
    await waitFor("six webhook posts", () => eventIds.every((id) => webhook.received.some((posted) => posted.id === id)));
    await pause(1_500);
    for (const order of orders) assert.equal(smtp.to(order.email).length, 1, `one email to ${order.email}`);
    for (const id of eventIds) assert.equal(webhook.received.filter((posted) => posted.id === id).length, 1, `one webhook post of ${id}`);
    const deliveries = await db().eventDelivery.findMany({ where: { eventId: { in: eventIds } } });
    assert.equal(deliveries.length, 12, "one delivery per event and subscriber");
    assert.deepEqual(new Set(deliveries.map((delivery) => `${delivery.status}/${delivery.attempts}`)), new Set(["delivered/1"]));
  });

  test("a failing webhook retries only itself: the email goes out, the webhook follows when it is back", async () => {
    webhook.failing = true;
    try {
      const order = await placeOrder(1);
      await waitFor("the confirmation email", () => smtp.to(order.email).length > 0);
      const failing = await waitFor("the webhook to have failed twice", async () => {
        const delivery = await db().eventDelivery.findFirst({ where: { resourceId: order.id, subscriber: "webhook" } });
        return delivery && delivery.attempts >= 2 ? delivery : null;
      });
      assert.equal(failing.status, "pending");
      assert.match(failing.lastError ?? "", /webhook answered 500/);
      webhook.failing = false;
      await waitFor("the webhook post", () => webhook.received.some((posted) => posted.resource_id === order.id));
      const delivered = await db().eventDelivery.findFirstOrThrow({ where: { resourceId: order.id, subscriber: "webhook" } });
      assert.equal(delivered.status, "delivered");
      assert.equal(smtp.to(order.email).length, 1);
    } finally {
      webhook.failing = false;
    }
  });

  test("the back office mailbox says mail goes out through SMTP (never its credentials) and keeps nothing", async () => {
    const order = await placeOrder(0);
    await waitFor("the confirmation email", () => smtp.to(order.email).length > 0);
    const headers = { Authorization: `Bearer ${await demoAdminToken()}` };
    const list = await (await fetch(`${instances[1].url}/api/admin/mailbox`, { headers })).json();
    assert.equal(list.transport, "smtp");
    assert.equal(list.smtp_host, `127.0.0.1:${smtp.port}`);
    assert.equal(list.count, 0, "the store keeps no copy of what SMTP sent");
    assert.equal(await db().mailboxMessage.count(), 0);
  });

  test("SMTP down: the email is retried with backoff, the page does not claim it was sent, and it goes out once SMTP is back", async () => {
    await smtp.down();
    try {
      const orders = [await placeOrder(0), await placeOrder(1)];
      // The other subscriber is not held up by the failing one.
      await waitFor("the webhook posts", () => orders.every((order) => webhook.received.some((posted) => posted.resource_id === order.id)));
      for (const order of orders) {
        const delivery = await waitFor("two failed attempts", async () => {
          const row = await emailDelivery(order.id);
          return row && row.attempts >= 2 ? row : null;
        });
        assert.equal(delivery.status, "pending");
        assert.ok(delivery.lastError, "the error is kept");
        assert.ok(delivery.availableAt.getTime() > Date.now() - 2_000, "the next try is scheduled");
        assert.equal(expectOk(await api("GET", `/store/orders/${order.id}`), "order").order.confirmation_email, "queued");
      }
    } finally {
      await smtp.up();
    }
    const placed = await db().order.findMany({ orderBy: { createdAt: "desc" }, take: 2 });
    await waitFor("both emails after the outage", () => placed.every((order) => smtp.to(order.email).length > 0));
    await pause(1_000);
    for (const order of placed) {
      assert.equal(smtp.to(order.email).length, 1);
      assert.equal((await emailDelivery(order.id))?.status, "delivered");
    }
  });

  test("instances killed while the email is being sent: a restarted instance sends it, once", async () => {
    smtp.stall = true;
    let order: Awaited<ReturnType<typeof placeOrder>>;
    try {
      order = await placeOrder(0);
      await waitFor("a send in progress", () => smtp.stalled > 0);
      const held = await emailDelivery(order.id);
      assert.ok(held?.lockedBy, "an instance holds the delivery");
      for (const instance of instances) instance.process.kill("SIGKILL");
      await Promise.all(instances.map((instance) => new Promise((resolve) => (instance.process.exitCode !== null ? resolve(null) : instance.process.once("exit", resolve)))));
      instances = [];
      assert.equal(smtp.to(order.email).length, 0, "nothing was accepted before the crash");
    } finally {
      smtp.stall = false;
    }
    await startInstances(1, "b");
    await waitFor("the email after the restart", () => smtp.to(order.email).length > 0, 60_000);
    await pause(1_000);
    assert.equal(smtp.to(order.email).length, 1);
    const delivery = (await emailDelivery(order.id))!;
    assert.equal(delivery.status, "delivered");
    assert.ok(delivery.attempts >= 2, "the interrupted attempt is counted");
  });

  test("SIGTERM: the instance stops its dispatcher and exits promptly, holding no delivery", async () => {
    const [instance] = instances;
    const exited = new Promise((resolve) => instance.process.once("exit", resolve));
    const started = Date.now();
    instance.process.kill("SIGTERM");
    await exited;
    instances = [];
    assert.ok(Date.now() - started < 10_000, `exited after ${Date.now() - started} ms`);
    assert.equal(await db().eventDelivery.count({ where: { lockedBy: { not: null } } }), 0);
  });
});
