// Money no order uses is given back, over real HTTP against the running app and Stripe (the
// offline emulator, or test mode). A shopper pays a Stripe session and the cart then leaves it
// (another provider, here `manual`, or the session deleted): the store's cancel of the
// PaymentIntent fails because the card payment already went through, so the store gives it back
// at once, even though Stripe's webhook about it came while it was still the cart's payment and
// will not come again. Stripe's webhook about a PaymentIntent no order and no open session names
// refunds it (or voids an authorization) too, once however often and on however many instances the
// event arrives, and records that where the merchant looks. PaymentIntents the store does use are
// never touched.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import type Stripe from "stripe";
import { db } from "../../lib/db/client";
import { demoAdmin } from "../support/admin-api";
import { ADDRESS_DE, api, createCart, EUROPE, expectOk, readyCart, VARIANTS } from "../support/store-api";
import {
  CARDS,
  completeCart,
  deliverWebhook,
  intentOfSession,
  payWith,
  retrieveIntent,
  retryingConflicts,
  signedStripeEvent,
  SKIP_REASONS,
  sleep,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
  STRIPE_WEBHOOKS_ARRIVE,
  stripe,
} from "../support/stripe-test-kit";
import { disconnectDb, ordersOfCart } from "../support/test-db";

after(disconnectDb);

const skip = !STRIPE_SECRET_KEY ? SKIP_REASONS.noStripe : !STRIPE_WEBHOOK_SECRET ? SKIP_REASONS.noWebhookSecret : false;
const ONE_MINUTE = { timeout: 60_000 };
// Stock is not managed for it, so these carts never compete with other suites' stock.
const VARIANT = VARIANTS.bottleUnmanaged;

const brief = (body: unknown) => JSON.stringify(body).slice(0, 300);

const refundsAtStripe = async (intentId: string) => (await stripe().refunds.list({ payment_intent: intentId, limit: 100 })).data;

const orphanEvents = (cartId: string) =>
  db().outboxEvent.findMany({ where: { resourceId: cartId, name: { startsWith: "payment.orphan_" } }, orderBy: { createdAt: "asc" } });

/** Stripe's event about the intent, delivered at once to every instance (2 each), as repeats and races do. */
async function deliverEverywhere(type: string, intent: Stripe.PaymentIntent) {
  const event = signedStripeEvent(type, intent);
  const answers = await Promise.all([0, 1, 0, 1].map((instance) => retryingConflicts(() => deliverWebhook(event, instance))));
  for (const answer of answers) {
    assert.equal(answer.status, 200, brief(answer.body));
    assert.equal(answer.body.received, true);
  }
  return answers.map((answer) => String(answer.body.outcome));
}

/** A cart with an address and Stripe selected, but no delivery chosen yet, so it cannot complete. */
async function cartPayingWithStripeBeforeDelivery() {
  const cart = await createCart([{ variant_id: VARIANT, quantity: 1 }], EUROPE);
  expectOk(await api("POST", `/store/carts/${cart.id}`, { body: { email: "orphan@example.com", shipping_address: ADDRESS_DE } }), "email and address");
  expectOk(await api("POST", `/store/carts/${cart.id}/payment-sessions`), "create sessions");
  const selected = expectOk(await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "stripe" } }), "choose stripe").cart;
  return { cart: selected, intent: intentOfSession(selected) };
}

describe("a Stripe payment no order uses is given back", { skip }, () => {
  test("paid while the cart was not ready, then the cart switched to manual: the switch refunds it once, no webhook needed", ONE_MINUTE, async () => {
    const { cart, intent } = await cartPayingWithStripeBeforeDelivery();
    const { intent: succeeded, cardError } = await payWith(intent.id, CARDS.visa);
    assert.equal(cardError, null);
    assert.equal(succeeded!.status, "succeeded");

    // Stripe's webhook about it finds the payment of the cart's selected session: the cart's own,
    // not to be refunded, even though the cart cannot become an order yet (no delivery chosen).
    const whileSelected = await deliverEverywhere("payment_intent.succeeded", succeeded!);
    for (const outcome of whileSelected) assert.match(outcome, /not completed/);
    if (STRIPE_WEBHOOKS_ARRIVE) await sleep(500); // Stripe's own delivery of it, too
    assert.deepEqual(await refundsAtStripe(intent.id), [], "the cart's own payment is not refunded");
    assert.deepEqual(await orphanEvents(cart.id), []);

    // The shopper switches to manual: the store's cancel of the paid intent fails (it is captured),
    // and Stripe will not tell the store about it again, so the switch gives the money back itself.
    const manual = expectOk(await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "manual" } }), "choose manual").cart;
    assert.equal(manual.payment_session.provider_id, "manual");
    const { shipping_options } = expectOk(await api("GET", `/store/shipping-options/${cart.id}`), "shipping options");
    expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: shipping_options[0].id } }), "add shipping");
    const completion = await completeCart(cart.id);
    assert.equal(completion.body.type, "order", brief(completion.body));
    const order = completion.body.data;
    assert.equal(order.payments[0].provider_id, "manual");

    const refunds = await refundsAtStripe(intent.id);
    assert.deepEqual(refunds.map((refund) => refund.amount), [succeeded!.amount], "refunded in full, once, without another webhook");
    assert.equal(refunds[0].metadata?.cart_id, cart.id);
    const events = await orphanEvents(cart.id);
    assert.deepEqual(events.map((event) => event.name), ["payment.orphan_refunded"], "recorded once");
    assert.deepEqual(JSON.parse(events[0].dataJson), {
      provider_id: "stripe",
      payment_reference: intent.id,
      amount: succeeded!.amount,
      currency_code: "eur",
      cart_id: cart.id,
      order_id: null, // given back when the cart left it, before the cart became an order
      reason: "unused",
    });
    const admin = await demoAdmin(0, 5);
    const { order: seen } = (await admin.admin.orders.retrieve(order.id)) as any;
    assert.equal(seen.payment_status, order.payment_status, "the order's own payment is untouched");
    assert.equal(seen.refunded_total, 0);
    assert.ok(!seen.activities.some((entry: any) => entry.action.startsWith("orphan_payment")), "the order never had that payment");
    const activitiesBefore = seen.activities.length;

    // Stripe's event delivered again later (Stripe retries, or a merchant resends it), on both
    // instances at once: nothing changes.
    if (STRIPE_WEBHOOKS_ARRIVE) await sleep(500); // Stripe's charge.refunded about it, too
    const repeated = await deliverEverywhere("payment_intent.succeeded", succeeded!);
    assert.ok(repeated.every((outcome) => /orphaned payment refunded .*recorded before/.test(outcome)), repeated.join(" | "));
    assert.equal((await refundsAtStripe(intent.id)).length, 1, "still one refund at Stripe");
    assert.equal((await orphanEvents(cart.id)).length, 1, "still one event");
    const again = ((await admin.admin.orders.retrieve(order.id)) as any).order;
    assert.equal(again.activities.length, activitiesBefore, "the order's history is unchanged");
    assert.equal(await ordersOfCart(cart.id), 1);
  });

  test("paid, then the session deleted: the delete refunds it once", ONE_MINUTE, async () => {
    const { cart, intent } = await cartPayingWithStripeBeforeDelivery();
    const { intent: succeeded } = await payWith(intent.id, CARDS.visa);
    assert.equal(succeeded!.status, "succeeded");
    for (const outcome of await deliverEverywhere("payment_intent.succeeded", succeeded!)) assert.match(outcome, /not completed/);

    const deleted = await api("DELETE", `/store/carts/${cart.id}/payment-sessions/stripe`);
    assert.equal(deleted.status, 200, brief(deleted.body));
    assert.ok(!deleted.body.cart.payment_sessions.some((session: { provider_id: string }) => session.provider_id === "stripe"));

    assert.deepEqual((await refundsAtStripe(intent.id)).map((refund) => refund.amount), [succeeded!.amount], "refunded in full, once");
    assert.deepEqual((await orphanEvents(cart.id)).map((event) => event.name), ["payment.orphan_refunded"]);
    const repeated = await deliverEverywhere("payment_intent.succeeded", succeeded!);
    assert.ok(repeated.every((outcome) => /recorded before/.test(outcome)), repeated.join(" | "));
    assert.equal((await refundsAtStripe(intent.id)).length, 1);
  });

  test("never paid, then the cart switched to manual: the PaymentIntent is canceled, nothing refunded or recorded", ONE_MINUTE, async () => {
    const { cart, intent } = await cartPayingWithStripeBeforeDelivery();
    const manual = expectOk(await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "manual" } }), "choose manual").cart;
    assert.equal(manual.payment_session.provider_id, "manual");

    const atStripe = await retrieveIntent(intent.id);
    assert.equal(atStripe.status, "canceled");
    assert.notEqual(atStripe.cancellation_reason, "abandoned", "an ordinary cancel, not the release of an unused payment");
    assert.deepEqual(await refundsAtStripe(intent.id), []);
    assert.deepEqual(await orphanEvents(cart.id), []);
  });

  test("a paid PaymentIntent no session names, of a cart that became an order with manual: refunded once, and the order's history says so", ONE_MINUTE, async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANT, quantity: 1 }], provider: "manual" });
    const completion = await completeCart(cart.id);
    assert.equal(completion.body.type, "order", brief(completion.body));
    const order = completion.body.data;
    // An intent of this cart whose session is gone and whose cancel failed, paid.
    const created = await stripe().paymentIntents.create({
      amount: cart.total,
      currency: "eur",
      allowed_payment_method_types: ["card"],
      metadata: { resource_id: cart.id, session_id: "ps_gone" },
    });
    const { intent: succeeded } = await payWith(created.id, CARDS.visa);
    assert.equal(succeeded!.status, "succeeded");

    const outcomes = await deliverEverywhere("payment_intent.succeeded", succeeded!);
    assert.ok(outcomes.every((outcome) => /orphaned payment refunded/.test(outcome)), outcomes.join(" | "));
    assert.deepEqual((await refundsAtStripe(created.id)).map((refund) => refund.amount), [cart.total], "refunded in full, once");
    const events = await orphanEvents(cart.id);
    assert.deepEqual(events.map((event) => event.name), ["payment.orphan_refunded"], "recorded once");
    assert.equal(JSON.parse(events[0].dataJson).order_id, order.id);
    const admin = await demoAdmin(0, 5);
    const { order: seen } = (await admin.admin.orders.retrieve(order.id)) as any;
    assert.deepEqual(
      seen.activities.map((entry: any) => [entry.action, entry.actor]),
      [["orphan_payment_refunded", "Store"]],
      "the order's history says the Stripe payment it never used was refunded",
    );
    assert.equal(seen.payment_status, order.payment_status, "the order's own payment is untouched");
    assert.equal(seen.refunded_total, 0);

    if (STRIPE_WEBHOOKS_ARRIVE) await sleep(500); // Stripe's charge.refunded about it, too
    const repeated = await deliverEverywhere("payment_intent.succeeded", succeeded!);
    assert.ok(repeated.every((outcome) => /recorded before/.test(outcome)), repeated.join(" | "));
    assert.equal((await refundsAtStripe(created.id)).length, 1, "still one refund at Stripe");
    assert.equal((await orphanEvents(cart.id)).length, 1, "still one event");
    assert.equal(((await admin.admin.orders.retrieve(order.id)) as any).order.activities.length, 1);
  });

  test("an authorization no session names is voided at Stripe once, and does not complete the cart", ONE_MINUTE, async () => {
    // A cart ready to complete with manual: an event taken as this cart's payment would complete it.
    const cart = await readyCart({ items: [{ variant_id: VARIANT, quantity: 1 }], provider: "manual" });
    // An intent of this cart whose session is gone and whose cancel failed, authorized only.
    const created = await stripe().paymentIntents.create({
      amount: cart.total,
      currency: "eur",
      capture_method: "manual",
      allowed_payment_method_types: ["card"],
      metadata: { resource_id: cart.id, session_id: "ps_gone" },
    });
    const authorized = await stripe().paymentIntents.confirm(created.id, { payment_method: CARDS.visa });
    assert.equal(authorized.status, "requires_capture");

    const outcomes = await deliverEverywhere("payment_intent.amount_capturable_updated", authorized);
    assert.ok(outcomes.every((outcome) => /orphaned payment canceled/.test(outcome)), outcomes.join(" | "));
    const atStripe = await retrieveIntent(created.id);
    assert.equal(atStripe.status, "canceled");
    assert.equal(atStripe.cancellation_reason, "abandoned");
    const events = await orphanEvents(cart.id);
    assert.deepEqual(events.map((event) => event.name), ["payment.orphan_canceled"]);
    assert.equal(JSON.parse(events[0].dataJson).order_id, null);
    assert.equal(await ordersOfCart(cart.id), 0, "the cart did not become an order on the strength of another payment");

    assert.ok((await deliverEverywhere("payment_intent.amount_capturable_updated", authorized)).every((outcome) => /recorded before/.test(outcome)));
    assert.equal((await orphanEvents(cart.id)).length, 1);
  });

  test("a PaymentIntent of a placed order, or naming a cart this store does not have, is never refunded", ONE_MINUTE, async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANT, quantity: 1 }], provider: "stripe" });
    const { intent: paid } = await payWith(intentOfSession(cart).id, CARDS.visa);
    const completion = await completeCart(cart.id);
    assert.equal(completion.body.type, "order", brief(completion.body));
    await deliverEverywhere("payment_intent.succeeded", paid!);
    assert.deepEqual(await refundsAtStripe(paid!.id), []);
    assert.equal(completion.body.data.payment_status, "captured");

    // Another store on the same Stripe account: its cart id means nothing here.
    const foreign = await stripe().paymentIntents.create({
      amount: 1200,
      currency: "eur",
      allowed_payment_method_types: ["card"],
      metadata: { resource_id: "cart_01KZZZZZZZZZZZZZZZZZZZZZZZ" },
    });
    const { intent: foreignPaid } = await payWith(foreign.id, CARDS.visa);
    const outcomes = await deliverEverywhere("payment_intent.succeeded", foreignPaid!);
    assert.ok(outcomes.every((outcome) => /unknown cart/.test(outcome)), outcomes.join(" | "));
    if (STRIPE_WEBHOOKS_ARRIVE) await sleep(500); // Stripe's own delivery of it, too
    assert.deepEqual(await refundsAtStripe(foreign.id), []);
  });
});
