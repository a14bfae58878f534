// The merchant's actions and the shopper's emails, end to end on the suite's two instances (no
// SMTP_URL: the mailbox keeps every email, exactly once per message id). A placed order is
// captured, fulfilled, shipped with tracking numbers and partly refunded, another is canceled:
// each action records exactly one event in its transaction and sends exactly the email it should
// (none for a capture or a fulfilment), with the right content; repeating a request (the same
// Idempotency-Key, on the other instance too) or a refused action records and sends nothing more.
// A dead delivery is listed for the merchant and retried through the Admin API.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import type Medusa from "@medusajs/medusa-js";
import { demoAdmin, demoAdminToken, placeOrder, refusal } from "../support/admin-api";
import { STORE_URLS, VARIANTS } from "../support/store-api";
import { disconnectDb, setStock } from "../support/test-db";
import { db } from "../../lib/db/client";
import { newId } from "../../lib/commerce/ids";

after(disconnectDb);

let admin: Medusa;
let otherInstance: Medusa;
before(async () => {
  admin = await demoAdmin(0);
  otherInstance = await demoAdmin(1);
  await setStock(VARIANTS.tote, 500);
  await setStock(VARIANTS.mugSand, 500);
});

const euros = (minor: number) => new Intl.NumberFormat("en-US", { style: "currency", currency: "EUR" }).format(minor / 100);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const eventNames = async (orderId: string) =>
  (await db().outboxEvent.findMany({ where: { resourceId: orderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((event) => event.name);

const mailsTo = (email: string) => db().mailboxMessage.findMany({ where: { toAddress: email.toLowerCase() }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

/**
 * Every event of the order has been handed to every subscriber (none pending), and a moment more,
 * in which a duplicate send from either instance would have shown up.
 */
async function settled(orderId: string) {
  await waitFor(`the events of ${orderId} to be delivered`, async () => (await db().outboxEvent.count({ where: { resourceId: orderId, status: { not: "delivered" } } })) === 0);
  await pause(750);
  assert.equal(await db().outboxEvent.count({ where: { resourceId: orderId, status: { not: "delivered" } } }), 0);
}

const withKey = (key: string) => ({ "Idempotency-Key": key });

describe("merchant actions email the shopper once each", () => {
  test("capture, fulfil, ship with tracking, refund part: one event each, and the shipping and refund emails with their content", async () => {
    const placed = await placeOrder([
      { variant_id: VARIANTS.tote, quantity: 2 },
      { variant_id: VARIANTS.mugSand, quantity: 1 },
    ]);
    await settled(placed.id);
    assert.deepEqual((await mailsTo(placed.email)).map((mail) => mail.subject), [`Your Kestrel Goods order #${placed.display_id} is confirmed`]);

    // Capture: one event, no email (the confirmation said "charged when your order ships").
    await admin.admin.orders.capturePayment(placed.id);
    const again = await refusal(otherInstance.admin.orders.capturePayment(placed.id));
    assert.equal(again.status, 400);
    assert.equal(again.body.code, "payment_already_captured");
    // Fulfil everything: one event, no email either.
    const { order: fulfilled } = await admin.admin.orders.createFulfillment(placed.id, {
      items: placed.items.map((item: any) => ({ item_id: item.id, quantity: item.quantity })),
    });
    await settled(placed.id);
    assert.deepEqual(await eventNames(placed.id), ["order.placed", "order.payment_captured", "order.fulfillment_created"]);
    assert.equal((await mailsTo(placed.email)).length, 1, "a capture and a fulfilment send no email");

    // Ship with two tracking numbers; the same request again (same key, the other instance) is
    // answered from the first, and a plain repeat is refused: one event, one email.
    const shipKey = randomUUID();
    const shipment = { fulfillment_id: fulfilled.fulfillments[0].id, tracking_numbers: ["DHL-4711-0815", "UPS 1Z999AA10123456784"] };
    const { order: shipped } = await admin.admin.orders.createShipment(placed.id, shipment, withKey(shipKey));
    const { order: replayed } = await otherInstance.admin.orders.createShipment(placed.id, shipment, withKey(shipKey));
    assert.equal(shipped.fulfillment_status, "shipped");
    assert.deepEqual(replayed.fulfillments, shipped.fulfillments, "the replay answers with the first answer");
    const reship = await refusal(otherInstance.admin.orders.createShipment(placed.id, shipment));
    assert.equal(reship.status, 400);
    assert.equal(reship.body.code, "fulfillment_already_shipped");
    await settled(placed.id);
    assert.equal((await eventNames(placed.id)).filter((name) => name === "order.shipment_created").length, 1);
    const shippingMails = (await mailsTo(placed.email)).filter((mail) => mail.subject.includes("has shipped"));
    assert.equal(shippingMails.length, 1, "one shipping confirmation");
    const [shipping] = shippingMails;
    assert.equal(shipping.subject, `Your Kestrel Goods order #${placed.display_id} has shipped`);
    assert.ok(shipping.text.includes("TRACKING: DHL-4711-0815, UPS 1Z999AA10123456784"), shipping.text);
    for (const part of [shipping.text, shipping.html]) {
      for (const expected of ["DHL-4711-0815", "UPS 1Z999AA10123456784", "Canvas Tote", "Ceramic Mug", "Torstraße 1", `/order/confirmed/${placed.id}`]) {
        assert.ok(part.includes(expected), `the shipping email has ${expected}`);
      }
    }

    // Refund part: the same key twice (both instances) refunds once; a refund of more than is left is refused.
    const refundKey = randomUUID();
    const refund = { amount: 1234, reason: "discount" as const, note: "Late delivery" };
    const { order: refunded } = await admin.admin.orders.refundPayment(placed.id, refund, withKey(refundKey));
    const { order: refundReplay } = await otherInstance.admin.orders.refundPayment(placed.id, refund, withKey(refundKey));
    assert.equal(refunded.refunded_total, 1234);
    assert.equal(refundReplay.refunded_total, 1234, "the replay moved no money");
    const tooMuch = await refusal(admin.admin.orders.refundPayment(placed.id, { amount: placed.total, reason: "other" }));
    assert.equal(tooMuch.status, 400);
    assert.equal(tooMuch.body.code, "refund_exceeds_captured");
    await settled(placed.id);
    assert.deepEqual(await eventNames(placed.id), [
      "order.placed",
      "order.payment_captured",
      "order.fulfillment_created",
      "order.shipment_created",
      "order.refund_created",
    ]);
    const refundMails = (await mailsTo(placed.email)).filter((mail) => mail.subject.startsWith("A refund"));
    assert.equal(refundMails.length, 1, "one refund notice");
    const [notice] = refundMails;
    assert.equal(notice.subject, `A refund of ${euros(1234)} for your Kestrel Goods order #${placed.display_id}`);
    assert.equal(euros(1234), "€12.34");
    for (const part of [notice.text, notice.html]) {
      assert.ok(part.includes("€12.34"), "the refunded amount, formatted");
      assert.ok(part.includes("Reason: a discount"), "the reason in words");
      assert.ok(part.includes(`#${placed.display_id}`), "the order number");
    }
    assert.ok(!notice.text.includes("Late delivery"), "the merchant's internal note stays internal");

    // In all: confirmation, shipping, refund; each message id once.
    const all = await mailsTo(placed.email);
    assert.equal(all.length, 3);
    assert.equal(new Set(all.map((mail) => mail.messageId)).size, 3);
    const events = await db().outboxEvent.findMany({ where: { resourceId: placed.id } });
    for (const mail of all) assert.ok(events.some((event) => event.id === mail.eventId), "each email names the event it announces");
  });

  test("cancel an authorized order: one order.canceled, one cancellation notice; canceling again is refused and sends nothing", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    const key = randomUUID();
    const { order: canceled } = await admin.admin.orders.cancel(placed.id, withKey(key));
    const { order: replay } = await otherInstance.admin.orders.cancel(placed.id, withKey(key));
    assert.equal(canceled.status, "canceled");
    assert.equal(replay.status, "canceled");
    const twice = await refusal(otherInstance.admin.orders.cancel(placed.id));
    assert.equal(twice.status, 400);
    await settled(placed.id);
    assert.deepEqual(await eventNames(placed.id), ["order.placed", "order.canceled"]);
    const mails = (await mailsTo(placed.email)).filter((mail) => mail.subject.includes("was canceled"));
    assert.equal(mails.length, 1, "one cancellation notice");
    assert.equal(mails[0].subject, `Your Kestrel Goods order #${placed.display_id} was canceled`);
    for (const part of [mails[0].text, mails[0].html]) {
      assert.ok(part.includes("Any authorization on your card is released"), "nothing was taken, the hold is released");
      assert.ok(part.includes("Canvas Tote"));
    }
    assert.equal((await mailsTo(placed.email)).length, 2, "the confirmation and the cancellation, nothing else");
  });

  test("cancel a captured order: the refund is recorded, and the shopper gets one email, the cancellation naming the amount", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.mugSand, quantity: 2 }]);
    await admin.admin.orders.capturePayment(placed.id);
    await admin.admin.orders.cancel(placed.id);
    await settled(placed.id);
    assert.deepEqual(await eventNames(placed.id), ["order.placed", "order.payment_captured", "order.refund_created", "order.canceled"]);
    const mails = await mailsTo(placed.email);
    assert.deepEqual(
      mails.map((mail) => mail.subject),
      [`Your Kestrel Goods order #${placed.display_id} is confirmed`, `Your Kestrel Goods order #${placed.display_id} was canceled`],
    );
    for (const part of [mails[1].text, mails[1].html]) assert.ok(part.includes(`We refunded ${euros(placed.total)} to the payment method you used`));
  });

  test("no_notification: the shipment and the refund are recorded, the shopper is not emailed", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    await admin.admin.orders.capturePayment(placed.id);
    const { order } = await admin.admin.orders.createFulfillment(placed.id, { items: [{ item_id: placed.items[0].id, quantity: 1 }] });
    await admin.admin.orders.createShipment(placed.id, { fulfillment_id: order.fulfillments[0].id, tracking_numbers: ["QUIET-1"], no_notification: true });
    await admin.admin.orders.refundPayment(placed.id, { amount: 100, reason: "other", no_notification: true });
    await settled(placed.id);
    assert.deepEqual(await eventNames(placed.id), ["order.placed", "order.payment_captured", "order.fulfillment_created", "order.shipment_created", "order.refund_created"]);
    assert.equal((await mailsTo(placed.email)).length, 1, "only the confirmation");
  });
});

describe("event deliveries in the back office", () => {
  test("a dead email delivery is listed with its attempts and error, retried once by a merchant (recorded), and then sent", async () => {
    const placed = await placeOrder([{ variant_id: VARIANTS.tote, quantity: 1 }]);
    await settled(placed.id);
    // A shipment email that gave up (say SMTP was down for hours), written as the dispatcher leaves one.
    const eventId = newId("event");
    const deliveryId = newId("eventDelivery");
    const now = new Date();
    await db().outboxEvent.create({
      data: {
        id: eventId,
        name: "order.shipment_created",
        resourceId: placed.id,
        dataJson: JSON.stringify({ fulfillment_id: "ful_lost", tracking_numbers: ["RETRY-0001"] }),
        status: "dead",
        fannedOutAt: now,
        finishedAt: now,
        createdAt: now,
        deliveries: {
          create: { id: deliveryId, subscriber: "email", resourceId: placed.id, eventCreatedAt: now, status: "dead", attempts: 12, lastError: "connect ECONNREFUSED 10.0.0.25:587" },
        },
      },
    });
    const headers = { Authorization: `Bearer ${await demoAdminToken()}`, "Content-Type": "application/json" };
    const list = await (await fetch(`${STORE_URLS[1]}/api/admin/event-deliveries?status=dead`, { headers })).json();
    const listed = list.deliveries.find((delivery: any) => delivery.id === deliveryId);
    assert.ok(listed, "the dead delivery is listed");
    assert.equal(listed.event_name, "order.shipment_created");
    assert.equal(listed.attempts, 12);
    assert.equal(listed.last_error, "connect ECONNREFUSED 10.0.0.25:587");
    assert.ok(list.counts.dead >= 1);

    const retry = (instance: number, key?: string) =>
      fetch(`${STORE_URLS[instance]}/api/admin/event-deliveries/${deliveryId}/retry`, { method: "POST", headers: { ...headers, ...(key ? withKey(key) : {}) }, body: "{}" });
    const key = randomUUID();
    const first = await retry(0, key);
    assert.equal(first.status, 200);
    const retried = (await first.json()).delivery;
    assert.equal(retried.status, "pending");
    assert.equal(retried.attempts, 0);
    assert.equal(retried.retried_by, "admin@example.com");
    const replay = await retry(1, key);
    assert.equal(replay.status, 200, "the same key answers the same");
    assert.deepEqual((await replay.json()).delivery, retried);

    const mail = await waitFor("the retried shipping email", async () =>
      (await mailsTo(placed.email)).find((candidate) => candidate.eventId === eventId),
    );
    assert.ok(mail.text.includes("RETRY-0001"));
    const delivered = await waitFor("the delivery to be recorded", async () => {
      const row = await db().eventDelivery.findUniqueOrThrow({ where: { id: deliveryId } });
      return row.status === "delivered" ? row : null;
    });
    assert.equal(delivered.attempts, 1);
    assert.equal(delivered.retriedBy, "admin@example.com");
    assert.ok(delivered.retriedAt);
    assert.equal((await db().outboxEvent.findUniqueOrThrow({ where: { id: eventId } })).status, "delivered");

    // Not dead any more: a retry is refused, and nothing is sent again.
    const late = await retry(1);
    assert.equal(late.status, 400);
    assert.equal((await late.json()).code, "delivery_not_dead");
    await pause(750);
    assert.equal((await mailsTo(placed.email)).filter((candidate) => candidate.eventId === eventId).length, 1);

    const stranger = await fetch(`${STORE_URLS[0]}/api/admin/event-deliveries/${deliveryId}/retry`, { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    assert.equal(stranger.status, 401);
    const unknown = await fetch(`${STORE_URLS[0]}/api/admin/event-deliveries/dlv_doesnotexist/retry`, { method: "POST", headers, body: "{}" });
    assert.equal(unknown.status, 404);
  });
});
