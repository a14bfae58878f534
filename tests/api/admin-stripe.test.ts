// Money through Stripe (the offline emulator, or test mode): the merchant captures, refunds and
// cancels through medusa-js's admin client and Stripe moves the money exactly once; money moved in
// Stripe's dashboard reaches the order through the webhook; a provider that fails leaves the order
// as it was and a refund it may have half made is replayed with the same key, never paid twice.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import Medusa from "@medusajs/medusa-js";
import { demoAdmin, demoAdminToken, orderState, refusal } from "../support/admin-api";
import { ADDRESS_DE, EUROPE } from "../support/store-api";
import { startStoreInstance, stopStoreInstance, type StoreInstance } from "../support/store-server";
import { CARDS, ON_EMULATOR, payWith, SKIP_REASONS, STRIPE_SECRET_KEY, STRIPE_WEBHOOKS_ARRIVE, stripe, waitFor } from "../support/stripe-test-kit";
import { disconnectDb, setStock } from "../support/test-db";
import { db } from "../../lib/db/client";

const skipAll = STRIPE_SECRET_KEY ? false : SKIP_REASONS.noStripe;
const needsWebhooks = STRIPE_WEBHOOKS_ARRIVE ? false : SKIP_REASONS.noWebhooks;
const emulatorOnly = ON_EMULATOR ? false : SKIP_REASONS.emulatorOnly;
const VARIANT = "variant_canvastoteonesize";
const TWO_MINUTES = { timeout: 120_000 };

let manualCapture: StoreInstance | undefined;
let providerDown: StoreInstance | undefined;
let admin: Medusa;

before(async () => {
  if (skipAll) return;
  const label = process.env.TEST_DIALECT ?? "api";
  // Orders are placed on an instance that authorizes only (STRIPE_CAPTURE=manual); the admin
  // works on the suite's instances; one more instance reaches no Stripe at all.
  manualCapture = await startStoreInstance({ STRIPE_CAPTURE: "manual" }, `${label}-admin-stripe-manual-capture`);
  providerDown = await startStoreInstance({ STRIPE_API_BASE: "http://127.0.0.1:9" }, `${label}-admin-stripe-provider-down`);
  // Stripe reports each change back by webhook; a report that holds the order for a moment makes
  // the next call a 409 that medusa-js repeats (maxRetries), as a merchant's client would.
  admin = await demoAdmin(0, 5);
  await setStock(VARIANT, 500);
});

after(async () => {
  await Promise.all([manualCapture, providerDown].filter((instance): instance is StoreInstance => Boolean(instance)).map(stopStoreInstance));
  await disconnectDb();
});

/** A shopper pays by card on the manual-capture instance: an order awaiting capture. */
async function authorizedOrder(quantity = 1) {
  const shop = new Medusa({ baseUrl: `${manualCapture!.url}/api`, maxRetries: 3 });
  let { cart } = await shop.carts.create({ region_id: EUROPE, items: [{ variant_id: VARIANT, quantity }] });
  ({ cart } = await shop.carts.update(cart.id, { email: "stripe-admin@example.com", shipping_address: ADDRESS_DE }));
  const { shipping_options } = await shop.shippingOptions.listCartOptions(cart.id);
  ({ cart } = await shop.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id! }));
  ({ cart } = await shop.carts.createPaymentSessions(cart.id));
  ({ cart } = await shop.carts.setPaymentSession(cart.id, { provider_id: "stripe" }));
  const intentId = (cart.payment_session!.data as { id: string }).id;
  const paid = await payWith(intentId, CARDS.visa);
  assert.equal(paid.cardError, null);
  for (let attempt = 0; attempt < 50; attempt++) {
    try {
      const completion = await shop.carts.complete(cart.id);
      if (completion.type === "order") return { order: completion.data as any, intentId };
    } catch (error) {
      if ((error as any).response?.status !== 409) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the cart did not become an order");
}

const refundsAtStripe = async (intentId: string) => (await stripe().refunds.list({ payment_intent: intentId, limit: 100 })).data.map((refund) => refund.amount);

const orderOf = async (orderId: string) => (await admin.admin.orders.retrieve(orderId)).order as any;

/** Waits for the webhook to bring the order to a state `check` accepts. */
const orderOnceWebhooked = (orderId: string, what: string, check: (order: any) => boolean) =>
  waitFor(what, async () => {
    const order = await orderOf(orderId);
    return check(order) ? order : undefined;
  }, { timeoutMs: 15_000 });

describe("an order's money through Stripe", { skip: skipAll }, () => {
  test("capture → partial fulfilment → shipment → partial refund → full refund, each moving money once at Stripe", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder(2);
    let order = await orderOf(placed.id);
    assert.equal(order.payment_status, "awaiting");
    const expires = Date.parse(order.payments[0].authorization_expires_at);
    const sevenDays = Date.parse(order.payments[0].created_at) + 7 * 24 * 3600 * 1000;
    assert.ok(Math.abs(expires - sevenDays) < 1000, "a Stripe authorization lapses 7 days after it was made");

    ({ order } = await admin.admin.orders.capturePayment(order.id));
    assert.equal(order.payment_status, "captured");
    assert.equal(order.payments[0].authorization_expires_at, null);
    let intent = await stripe().paymentIntents.retrieve(intentId);
    assert.equal(intent.status, "succeeded");
    assert.equal(intent.amount_received, placed.total);

    const item = order.items[0];
    ({ order } = await admin.admin.orders.createFulfillment(order.id, { items: [{ item_id: item.id, quantity: 1 }] }));
    ({ order } = await admin.admin.orders.createShipment(order.id, { fulfillment_id: order.fulfillments[0].id, tracking_numbers: ["PARCEL-1"] }));
    assert.equal(order.fulfillment_status, "partially_shipped");

    ({ order } = await admin.admin.orders.refundPayment(order.id, { amount: 700, reason: "return", note: "One bag came back" }));
    assert.equal(order.payment_status, "partially_refunded");
    assert.deepEqual(await refundsAtStripe(intentId), [700]);
    ({ order } = await admin.admin.orders.refundPayment(order.id, { amount: placed.total - 700, reason: "other" }));
    assert.equal(order.payment_status, "refunded");
    assert.deepEqual((await refundsAtStripe(intentId)).sort((a, b) => a - b), [700, placed.total - 700].sort((a, b) => a - b));

    // Stripe reports both refunds back (charge.refunded); the order already knows them.
    if (STRIPE_WEBHOOKS_ARRIVE) await new Promise((resolve) => setTimeout(resolve, 2_000));
    order = await orderOf(order.id);
    assert.equal(order.refunded_total, placed.total);
    assert.equal(order.refunds.length, 2);
    intent = await stripe().paymentIntents.retrieve(intentId);
    assert.equal(intent.amount_received, placed.total);
  });

  test("canceling an order voids its Stripe authorization", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder();
    const { order } = await admin.admin.orders.cancel(placed.id);
    assert.equal(order.status, "canceled");
    assert.equal(order.payment_status, "canceled");
    assert.equal((await stripe().paymentIntents.retrieve(intentId)).status, "canceled");
  });

  test("canceling a captured order refunds it at Stripe", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder();
    await admin.admin.orders.capturePayment(placed.id);
    const { order } = await admin.admin.orders.cancel(placed.id);
    assert.equal(order.payment_status, "refunded");
    assert.deepEqual(await refundsAtStripe(intentId), [placed.total]);
  });

  test("two admins capturing and then refunding at once, on two instances: Stripe moves the money once", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder(2);
    const admins = [await demoAdmin(0, 5), await demoAdmin(1, 5)];
    const captures = await Promise.allSettled([...admins, ...admins].map((client) => client.admin.orders.capturePayment(placed.id)));
    assert.equal(captures.filter((answer) => answer.status === "fulfilled").length, 1);
    assert.equal((await stripe().paymentIntents.retrieve(intentId)).amount_received, placed.total);

    const amount = placed.total - 100;
    const refunds = await Promise.allSettled([...admins, ...admins].map((client) => client.admin.orders.refundPayment(placed.id, { amount, reason: "other" })));
    assert.equal(refunds.filter((answer) => answer.status === "fulfilled").length, 1, "one refund of the four");
    for (const answer of refunds.filter((candidate) => candidate.status === "rejected")) {
      assert.equal((answer as PromiseRejectedResult).reason.response.status, 400, "the others are told nothing is left to refund");
    }
    assert.deepEqual(await refundsAtStripe(intentId), [amount]);
    const order = await orderOf(placed.id);
    assert.equal(order.refunded_total, amount);
  });

  test("when Stripe cannot be reached the order stays as it was, and a refund that may have started is finished once, still without the email the merchant declined", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder();
    const unreachable = new Medusa({ baseUrl: `${providerDown!.url}/api`, maxRetries: 0, customHeaders: { Authorization: `Bearer ${await demoAdminToken()}` } });
    const before = orderState(await orderOf(placed.id));
    const capture = await refusal(unreachable.admin.orders.capturePayment(placed.id));
    assert.equal(capture.status, 502);
    assert.equal(capture.body.type, "payment_provider_error");
    assert.match(capture.body.message, /did not answer/);
    assert.deepEqual(orderState(await orderOf(placed.id)), before, "nothing changed");

    await admin.admin.orders.capturePayment(placed.id);
    const refund = await refusal(unreachable.admin.orders.refundPayment(placed.id, { amount: 300, reason: "other", no_notification: true }));
    assert.equal(refund.status, 502);
    let order = await orderOf(placed.id);
    assert.equal(order.refunded_total, 0, "no refund is shown before Stripe confirms one");

    // The next refund first finishes the one that may have started (same idempotency key), then its own.
    ({ order } = await admin.admin.orders.refundPayment(placed.id, { amount: 200, reason: "other" }));
    assert.equal(order.refunded_total, 500);
    assert.deepEqual((await refundsAtStripe(intentId)).sort((a, b) => a - b), [200, 300]);
    // The replayed refund keeps the merchant's no_notification: its event tells the email subscriber to stay silent.
    const events = await db().outboxEvent.findMany({ where: { resourceId: placed.id, name: "order.refund_created" }, select: { dataJson: true } });
    const silentByAmount = Object.fromEntries(events.map(({ dataJson }) => JSON.parse(dataJson)).map((data) => [data.amount, data.no_notification === true]));
    assert.deepEqual(silentByAmount, { 200: false, 300: true });
  });

  test("Stripe refusing a refund says why and changes nothing", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder();
    await admin.admin.orders.capturePayment(placed.id);
    // Refunded in full in Stripe's dashboard a moment ago; the store may not have heard yet.
    await stripe().refunds.create({ payment_intent: intentId });
    const answer = await refusal(admin.admin.orders.refundPayment(placed.id, { amount: placed.total, reason: "other" }));
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.match(answer.body.message, /refused to refund|left to refund/);
    assert.deepEqual(await refundsAtStripe(intentId), [placed.total], "no second refund at Stripe");
  });
});

describe("money moved in Stripe's dashboard reaches the order", { skip: skipAll || needsWebhooks }, () => {
  test("a capture made in Stripe (payment_intent.succeeded)", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder();
    await stripe().paymentIntents.capture(intentId);
    const order = await orderOnceWebhooked(placed.id, "the capture to be recorded", (candidate) => candidate.payment_status === "captured");
    assert.equal(order.paid_total, placed.total);
    assert.deepEqual(order.activities.map((entry: any) => [entry.action, entry.actor]), [["payment_captured", "Stripe"]]);
    // and the merchant cannot capture it a second time
    assert.equal((await refusal(admin.admin.orders.capturePayment(placed.id))).status, 400);
  });

  test("a refund made in Stripe (charge.refunded)", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder();
    await admin.admin.orders.capturePayment(placed.id);
    await stripe().refunds.create({ payment_intent: intentId, amount: 400 });
    const order = await orderOnceWebhooked(placed.id, "the refund to be recorded", (candidate) => candidate.refunded_total === 400);
    assert.equal(order.payment_status, "partially_refunded");
    assert.equal(order.refunds.length, 1);
    assert.match(order.refunds[0].note, /Refunded at Stripe/);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal((await orderOf(placed.id)).refunded_total, 400, "recorded once");
  });

  test("an authorization canceled in Stripe (payment_intent.canceled) marks the order for attention", TWO_MINUTES, async () => {
    const { order: placed, intentId } = await authorizedOrder();
    await stripe().paymentIntents.cancel(intentId);
    const order = await orderOnceWebhooked(placed.id, "the cancellation to be recorded", (candidate) => candidate.payment_status === "canceled");
    assert.match(order.attention_reason, /authorization was canceled/);
    const capture = await refusal(admin.admin.orders.capturePayment(placed.id));
    assert.equal(capture.status, 400);
  });

  test("a dispute (charge.dispute.created) marks the order for attention", { ...TWO_MINUTES, skip: emulatorOnly }, async () => {
    const { order: placed, intentId } = await authorizedOrder();
    await admin.admin.orders.capturePayment(placed.id);
    await stripe().rawRequest("POST", `/v1/payment_intents/${intentId}/_dispute`, { reason: "product_not_received" });
    const order = await orderOnceWebhooked(placed.id, "the dispute to be recorded", (candidate) => Boolean(candidate.attention_reason));
    assert.match(order.attention_reason, /disputes .* \(product not received\)/);
    assert.equal(order.activities.at(-1).action, "payment_disputed");
  });
});
