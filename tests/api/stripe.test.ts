// Paying with Stripe, over real HTTP: the store's Stripe provider against the offline emulator
// (STRIPE_API_BASE) or real Stripe test mode (STRIPE_API_BASE unset). The test plays the
// shopper's browser: it confirms the session's PaymentIntent with Stripe's test cards through the
// real `stripe` client, then asks the store to complete the cart, as the checkout page does.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import Medusa from "@medusajs/medusa-js";
import type Stripe from "stripe";
import { ADDRESS_DE, api, EUROPE, expectOk, readyCart, STORE_URLS } from "../support/store-api";
import { startStoreInstance, stopStoreInstance } from "../support/store-server";
import {
  CARDS,
  completeCart,
  deliverWebhook,
  finishThreeDSecure,
  intentOfSession,
  ON_EMULATOR,
  orderOfCart,
  payWith,
  retrieveIntent,
  retryingConflicts,
  signedStripeEvent,
  signEvent,
  SKIP_REASONS,
  sleep,
  STRIPE_SECRET_KEY,
  STRIPE_WEBHOOK_SECRET,
  STRIPE_WEBHOOKS_ARRIVE,
  waitFor,
  stripe,
  stripeEvent,
  waitForOrderOfCart,
} from "../support/stripe-test-kit";
import { db } from "../../lib/db/client";
import { demoAdmin } from "../support/admin-api";
import { disconnectDb, ordersOfCart, setStock, stockOf } from "../support/test-db";

after(disconnectDb);

const skipAll = STRIPE_SECRET_KEY ? false : SKIP_REASONS.noStripe;
if (skipAll) {
  console.log(`\n${"!".repeat(78)}\n!!! SKIPPED: the Stripe API suite. ${skipAll}\n${"!".repeat(78)}\n`);
  test("the Stripe API suite", { skip: skipAll }, () => {}); // counted in the runner's "skipped" tally
}
const emulatorOnly = ON_EMULATOR ? false : SKIP_REASONS.emulatorOnly;
const needsStripeWebhooks = STRIPE_WEBHOOKS_ARRIVE ? false : SKIP_REASONS.noWebhooks;
const needsWebhookSecret = STRIPE_WEBHOOK_SECRET ? false : SKIP_REASONS.noWebhookSecret;

// Every test is bounded (real Stripe is slower than the emulator); each suite as a whole too.
const ONE_MINUTE = { timeout: 60_000 };
const SUITE_LIMIT = 10 * 60_000;

// Each case buys its own variant, so a late webhook of one case cannot move another's stock.
const VARIANT = {
  seedGuide: "variant_organiccottonteeswhite", // €25
  manualCapture: "variant_organiccottonteemwhite",
  declined: "variant_organiccottonteelwhite",
  threeDSecurePending: "variant_organiccottonteemblack",
  threeDSecure: "variant_organiccottonteexlwhite",
  threeDSecureFailed: "variant_organiccottonteesblack",
  changedCart: "variant_organiccottonteelblack",
  changedCartAddition: "variant_ceramicmugslate", // €16
  tamperedAmount: "variant_organiccottonteexlblack",
  paidAndLeft: "variant_merinosweaters", // €89
  race: "variant_merinosweaterm",
  duplicates: "variant_merinosweaterl",
  forged: "variant_linenshortss", // €45
  switchedBack: "variant_linenshortsm",
  switchedBackChanged: "variant_linenshortsl",
};
const STOCK = 20;

/** A cart with one item, email, address and shipping, paying with Stripe; its variant's stock reset. */
async function stripeCart(variantId: string, quantity = 1) {
  await setStock(variantId, STOCK);
  const cart = await readyCart({ items: [{ variant_id: variantId, quantity }], provider: "stripe" });
  const intent = intentOfSession(cart);
  assert.equal(intent.amount, cart.total, "the PaymentIntent is for the cart total");
  return { cart, intent };
}

async function paid(intentId: string, card: string = CARDS.visa): Promise<Stripe.PaymentIntent> {
  const { intent, cardError } = await payWith(intentId, card);
  assert.equal(cardError, null, `the card ${card} was refused: ${cardError?.message}`);
  return intent!;
}

/** What a shopper and the merchant check on a finished checkout. */
async function assertOrderMatchesPayment(
  order: Record<string, any>,
  cart: Record<string, any>,
  options: { variantId: string; quantity?: number; paymentStatus: "captured" | "awaiting" },
) {
  const intent = await retrieveIntent(intentOfSession(cart).id);
  assert.equal(order.cart_id, cart.id);
  assert.equal(order.total, cart.total, "order total = cart total");
  assert.equal(intent.amount, order.total, "intent amount = order total");
  assert.equal(intent.currency, order.currency_code);
  assert.equal(order.payment_status, options.paymentStatus);
  assert.equal(order.payments.length, 1);
  assert.equal(order.payments[0].provider_id, "stripe");
  assert.equal(order.payments[0].amount, order.total);
  assert.equal(Boolean(order.payments[0].captured_at), options.paymentStatus === "captured", "captured_at says whether the money was taken");
  assert.equal(await ordersOfCart(cart.id), 1, "exactly one order");
  assert.equal(await stockOf(options.variantId), STOCK - (options.quantity ?? 1), "the stock was taken once");
}

async function assertNoOrder(cartId: string) {
  assert.equal((await orderOfCart(cartId)).status, 404, "GET /store/orders/cart/:id finds no order");
  assert.equal(await ordersOfCart(cartId), 0);
}

/** For refusals that Stripe's own webhook may also try: no order, not now and not a moment later. */
async function assertStaysWithoutOrder(cartId: string, forMs = 1_500) {
  await assertNoOrder(cartId);
  await sleep(forMs);
  await assertNoOrder(cartId);
}

/**
 * The whole payment was given back: ask for one more cent, which Stripe (and the emulator) refuse
 * with charge_already_refunded when nothing is left (amount_too_large when a little is).
 */
async function assertNothingLeftToRefund(intentId: string) {
  const attempt = await stripe().refunds.create({ payment_intent: intentId, amount: 1 }).then(
    (refund) => refund,
    (error: { code?: string }) => error,
  );
  assert.ok(
    "code" in attempt && ["amount_too_large", "charge_already_refunded"].includes(attempt.code ?? ""),
    `the shopper's payment was not refunded in full: one more cent could still be refunded (${JSON.stringify(attempt).slice(0, 200)})`,
  );
}

async function shippingOptionNamed(cartId: string, name: string): Promise<string> {
  const { shipping_options } = expectOk(await api("GET", `/store/shipping-options/${cartId}`), "shipping options");
  const option = shipping_options.find((candidate: { name: string }) => candidate.name === name);
  assert.ok(option, `${name} is offered`);
  return option.id;
}

/** An answer body, short enough for an assertion message. */
const brief = (body: unknown) => JSON.stringify(body).slice(0, 300);

function expectOrder(answer: { status: number; body: any }, what: string): Record<string, any> {
  assert.equal(answer.status, 200, `${what}: ${brief(answer.body)}`);
  assert.equal(answer.body.type, "order", `${what}: ${brief(answer.body)}`);
  return answer.body.data;
}

describe("paying with Stripe", { skip: skipAll, timeout: SUITE_LIMIT }, () => {
  test("the demo regions offer stripe beside manual", ONE_MINUTE, async () => {
    // Only the seeded regions: a region a merchant creates (other suites do) never offers manual.
    const { regions } = expectOk(await api("GET", "/store/regions"), "regions");
    const demo = regions.filter((region: { id: string }) => region.id === "reg_europe" || region.id === "reg_unitedstates");
    assert.equal(demo.length, 2);
    for (const region of demo) {
      const providers = region.payment_providers.map((provider: { id: string }) => provider.id);
      assert.ok(providers.includes("manual"), `${region.name} offers manual: ${providers}`);
      assert.ok(providers.includes("stripe"), `${region.name} offers stripe: ${providers}`);
    }
  });

  test("the seed guide's checkout through medusa-js with provider stripe: paid by card, captured", ONE_MINUTE, async () => {
    await setStock(VARIANT.seedGuide, STOCK);
    const medusa = new Medusa({ baseUrl: `${STORE_URLS[0]}/api`, maxRetries: 3 });
    let { cart } = await medusa.carts.create({ region_id: EUROPE, items: [{ variant_id: VARIANT.seedGuide, quantity: 1 }] });

    ({ cart } = await medusa.carts.createPaymentSessions(cart.id));
    assert.deepEqual(cart.payment_sessions.map((session) => session.provider_id).sort(), ["manual", "stripe"]);
    ({ cart } = await medusa.carts.update(cart.id, { email: "lebron@james.com", shipping_address: ADDRESS_DE }));
    ({ cart } = await medusa.carts.setPaymentSession(cart.id, { provider_id: "stripe" }));
    assert.equal(cart.payment_session?.provider_id, "stripe");
    const { shipping_options } = await medusa.shippingOptions.listCartOptions(cart.id);
    ({ cart } = await medusa.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id! }));
    assert.equal(cart.total, 2500 + 495, "Europe's prices include VAT");

    // The checkout page reads the session's PaymentIntent.
    const intent = intentOfSession(cart);
    assert.match(intent.client_secret ?? "", /^pi_\w+_secret_\w+$/, "the page gets a client secret");
    assert.equal(intent.amount, cart.total, "the intent is for the cart total, shipping included");
    assert.equal(intent.currency, cart.region.currency_code);
    assert.equal(intent.metadata.resource_id, cart.id);
    assert.equal((await retrieveIntent(intent.id)).amount, cart.total, "Stripe holds the same amount");

    assert.equal((await paid(intent.id)).status, "succeeded");
    const completed = await medusa.carts.complete(cart.id);
    assert.equal(completed.type, "order");
    await assertOrderMatchesPayment(completed.data as Record<string, any>, cart, { variantId: VARIANT.seedGuide, paymentStatus: "captured" });
  });

  test("with STRIPE_CAPTURE=manual the card is authorized and the order awaits capture", { timeout: 120_000 }, async () => {
    const instance = await startStoreInstance({ STRIPE_CAPTURE: "manual" }, `${process.env.TEST_DIALECT ?? "api"}-stripe-manual-capture`);
    try {
      await setStock(VARIANT.manualCapture, STOCK);
      const medusa = new Medusa({ baseUrl: `${instance.url}/api`, maxRetries: 3 });
      let { cart } = await medusa.carts.create({ region_id: EUROPE, items: [{ variant_id: VARIANT.manualCapture, quantity: 1 }] });
      ({ cart } = await medusa.carts.update(cart.id, { email: "manual-capture@example.com", shipping_address: ADDRESS_DE }));
      const { shipping_options } = await medusa.shippingOptions.listCartOptions(cart.id);
      ({ cart } = await medusa.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id! }));
      ({ cart } = await medusa.carts.createPaymentSessions(cart.id));
      ({ cart } = await medusa.carts.setPaymentSession(cart.id, { provider_id: "stripe" }));
      const intent = intentOfSession(cart);
      assert.equal(intent.capture_method, "manual");

      assert.equal((await paid(intent.id)).status, "requires_capture", "authorized, nothing taken yet");
      const completed = await medusa.carts.complete(cart.id);
      assert.equal(completed.type, "order");
      await assertOrderMatchesPayment(completed.data as Record<string, any>, cart, { variantId: VARIANT.manualCapture, paymentStatus: "awaiting" });
      const atStripe = await retrieveIntent(intent.id);
      assert.equal(atStripe.status, "requires_capture", "completing did not capture");
      assert.equal(atStripe.amount_capturable, cart.total);
    } finally {
      await stopStoreInstance(instance);
    }
  });

  test("a declined card leaves the cart open; the shopper retries with another card on the same intent", ONE_MINUTE, async () => {
    const { cart, intent } = await stripeCart(VARIANT.declined);
    const { cardError } = await payWith(intent.id, CARDS.declined);
    assert.ok(cardError, "Stripe refuses the card");
    assert.equal(cardError.type, "StripeCardError");
    assert.equal(cardError.code, "card_declined");
    if (STRIPE_WEBHOOKS_ARRIVE) {
      // Stripe's payment_intent.payment_failed marks the session, so the page can say so.
      await waitFor("the session marked as failed", async () => {
        const { body } = await api("GET", `/store/carts/${cart.id}`);
        return body.cart.payment_session.status === "error" ? true : undefined;
      });
    }

    const answer = await completeCart(cart.id);
    assert.equal(answer.status, 200, brief(answer.body));
    assert.equal(answer.body.type, "cart");
    assert.equal(answer.body.payment_status, "pending");
    await assertNoOrder(cart.id);
    assert.equal(await stockOf(VARIANT.declined), STOCK, "nothing was reserved");

    assert.equal((await paid(intent.id, CARDS.visa)).status, "succeeded");
    const order = expectOrder(await completeCart(cart.id), "complete after the retry");
    await assertOrderMatchesPayment(order, cart, { variantId: VARIANT.declined, paymentStatus: "captured" });
  });

  test("a card asking for 3-D Secure: complete answers requires_more and makes no order", ONE_MINUTE, async () => {
    const { cart, intent } = await stripeCart(VARIANT.threeDSecurePending);
    assert.equal((await paid(intent.id, CARDS.needs3DSecure)).status, "requires_action");
    const answer = await completeCart(cart.id);
    assert.equal(answer.status, 200, brief(answer.body));
    assert.equal(answer.body.type, "cart");
    assert.equal(answer.body.payment_status, "requires_more");
    assert.equal(answer.body.data.payment_session.status, "requires_more");
    await assertNoOrder(cart.id);
    assert.equal(await stockOf(VARIANT.threeDSecurePending), STOCK, "nothing was reserved");
  });

  test("3-D Secure passed: the cart becomes an order", { ...ONE_MINUTE, skip: emulatorOnly }, async () => {
    const { cart, intent } = await stripeCart(VARIANT.threeDSecure);
    await paid(intent.id, CARDS.needs3DSecure);
    assert.equal((await completeCart(cart.id)).body.payment_status, "requires_more");
    assert.equal((await finishThreeDSecure(intent.id, "complete")).status, "succeeded");
    const order = expectOrder(await completeCart(cart.id), "complete after 3-D Secure");
    await assertOrderMatchesPayment(order, cart, { variantId: VARIANT.threeDSecure, paymentStatus: "captured" });
  });

  test("3-D Secure failed: the cart stays open; a refreshed session brings a new intent the shopper pays", { ...ONE_MINUTE, skip: emulatorOnly }, async () => {
    const { cart, intent } = await stripeCart(VARIANT.threeDSecureFailed);
    await paid(intent.id, CARDS.needs3DSecure);
    assert.equal((await finishThreeDSecure(intent.id, "fail")).status, "requires_payment_method");
    const answer = await completeCart(cart.id);
    assert.equal(answer.status, 200, brief(answer.body));
    assert.equal(answer.body.type, "cart");
    assert.equal(answer.body.payment_status, "pending");
    await assertNoOrder(cart.id);

    const refreshed = expectOk(await api("POST", `/store/carts/${cart.id}/payment-sessions/stripe/refresh`), "refresh the session").cart;
    const fresh = intentOfSession(refreshed);
    assert.notEqual(fresh.id, intent.id, "a new PaymentIntent");
    assert.equal(fresh.amount, refreshed.total);
    assert.equal(fresh.metadata.resource_id, cart.id);
    assert.equal((await retrieveIntent(intent.id)).status, "canceled", "the failed intent is released");

    await paid(fresh.id, CARDS.visa);
    const order = expectOrder(await completeCart(cart.id), "complete with the new intent");
    await assertOrderMatchesPayment(order, refreshed, { variantId: VARIANT.threeDSecureFailed, paymentStatus: "captured" });
  });

  test("the intent follows the cart when shipping and items change before paying", ONE_MINUTE, async () => {
    const { cart, intent } = await stripeCart(VARIANT.changedCart);
    await setStock(VARIANT.changedCartAddition, STOCK);
    const express = await shippingOptionNamed(cart.id, "Express Shipping");

    let changed = expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: express } }), "switch to express").cart;
    assert.equal(changed.shipping_methods[0].original_total, 1495);
    assert.notEqual(changed.total, cart.total);
    assert.equal((await retrieveIntent(intent.id)).amount, changed.total, "Stripe's amount follows the shipping change");

    changed = expectOk(
      await api("POST", `/store/carts/${cart.id}/line-items`, { body: { variant_id: VARIANT.changedCartAddition, quantity: 1 } }),
      "add a mug",
    ).cart;
    assert.equal(changed.shipping_methods.length, 0, "the shopper picks shipping again");
    assert.equal((await retrieveIntent(intent.id)).amount, changed.total, "Stripe's amount follows the added item");

    changed = expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: express } }), "express again").cart;
    assert.equal(changed.total, 2500 + 1600 + 1495, "tee, mug and express, VAT included in each");
    assert.equal((await retrieveIntent(intent.id)).amount, changed.total, "Stripe's amount follows the new shipping");
    assert.equal(intentOfSession(changed).id, intent.id, "the same intent, updated");
    assert.equal(intentOfSession(changed).amount, changed.total, "the session the page reads shows it too");

    await paid(intent.id);
    const order = expectOrder(await completeCart(cart.id), "complete");
    assert.equal(order.items.length, 2);
    await assertOrderMatchesPayment(order, changed, { variantId: VARIANT.changedCart, paymentStatus: "captured" });
    assert.equal(await stockOf(VARIANT.changedCartAddition), STOCK - 1);
  });

  test("switching to manual and back to stripe gives the shopper an intent they can pay", ONE_MINUTE, async () => {
    const { cart, intent } = await stripeCart(VARIANT.switchedBack);
    expectOk(await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "manual" } }), "choose manual");
    assert.equal((await retrieveIntent(intent.id)).status, "canceled", "the abandoned intent is released at Stripe");

    const back = expectOk(await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "stripe" } }), "back to stripe").cart;
    const offered = intentOfSession(back);
    const atStripe = await retrieveIntent(offered.id);
    assert.notEqual(
      atStripe.status,
      "canceled",
      `the page is given intent ${offered.id}${offered.id === intent.id ? " (the one just released)" : ""}, which Stripe holds as canceled`,
    );
    assert.equal(atStripe.amount, back.total);

    await paid(offered.id);
    const order = expectOrder(await completeCart(cart.id), "complete");
    await assertOrderMatchesPayment(order, back, { variantId: VARIANT.switchedBack, paymentStatus: "captured" });
  });

  test("switching to manual, changing the cart, then back to stripe gives an intent for the new total", ONE_MINUTE, async () => {
    const { cart } = await stripeCart(VARIANT.switchedBackChanged);
    expectOk(await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "manual" } }), "choose manual");
    expectOk(await api("POST", `/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { body: { quantity: 2 } }), "a second pair");
    const express = await shippingOptionNamed(cart.id, "Express Shipping");
    expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: express } }), "shipping again");

    const answer = await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "stripe" } });
    assert.equal(answer.status, 200, `back to stripe: ${answer.status} ${brief(answer.body)}`);
    const back = answer.body.cart;
    assert.notEqual(back.total, cart.total, "the total changed while manual was chosen");
    const offered = await retrieveIntent(intentOfSession(back).id);
    assert.equal(offered.amount, back.total);
    assert.equal(offered.status, "requires_payment_method");
  });

  test("an intent whose amount was changed behind the store's back is refused, given back, and replaced", ONE_MINUTE, async () => {
    const { cart, intent } = await stripeCart(VARIANT.tamperedAmount);
    await stripe().paymentIntents.update(intent.id, { amount: 100 }); // e.g. a script holding the secret key
    assert.equal((await paid(intent.id)).amount, 100, "the shopper paid €1");

    const answer = await completeCart(cart.id);
    if (answer.status === 200) {
      // Stripe's payment_intent.succeeded webhook reached the store first, refused the payment and
      // replaced the session; this complete then finds the fresh, unpaid intent.
      assert.equal(answer.body.type, "cart", brief(answer.body));
      assert.equal(answer.body.payment_status, "pending");
    } else {
      assert.ok(answer.status >= 400 && answer.status < 500, `a 4xx, not ${answer.status}: ${brief(answer.body)}`);
      assert.equal(answer.body.type, "payment_authorization_error");
      assert.equal(answer.body.code, "amount_mismatch");
    }
    await assertStaysWithoutOrder(cart.id);
    assert.equal(await stockOf(VARIANT.tamperedAmount), STOCK, "stock unchanged");
    await assertNothingLeftToRefund(intent.id);
    // Given back once, by the store's keyed release, and the merchant is told why.
    const refunds = (await stripe().refunds.list({ payment_intent: intent.id, limit: 100 })).data;
    assert.deepEqual(refunds.map((refund) => [refund.amount, refund.metadata?.cart_id]), [[100, cart.id]], "one refund of the €1 paid");
    const events = await db().outboxEvent.findMany({ where: { resourceId: cart.id, name: { startsWith: "payment.orphan_" } } });
    assert.deepEqual(
      events.map((event) => [event.name, JSON.parse(event.dataJson).reason, JSON.parse(event.dataJson).amount]),
      [["payment.orphan_refunded", "amount_mismatch", 100]],
      "recorded once for the merchant",
    );

    // The shopper is offered a fresh intent for the real total, and pays it.
    const { cart: reopened } = expectOk(await api("GET", `/store/carts/${cart.id}`), "the cart after the refusal");
    const fresh = intentOfSession(reopened);
    assert.notEqual(fresh.id, intent.id, "a new PaymentIntent");
    assert.equal((await retrieveIntent(fresh.id)).amount, reopened.total);
    await paid(fresh.id);
    const order = expectOrder(await completeCart(cart.id), "complete with the fresh intent");
    await assertOrderMatchesPayment(order, reopened, { variantId: VARIANT.tamperedAmount, paymentStatus: "captured" });
  });

  test("the stock runs out while the shopper pays: no order, the money is refunded once and recorded, a fresh intent is offered", ONE_MINUTE, async () => {
    // A product of its own: no other case buys it.
    const admin = await demoAdmin();
    const handle = `last-scarf-${Date.now().toString(36)}`;
    const { product } = (await admin.admin.products.create({
      title: "Last Scarf",
      handle,
      status: "published",
      options: [{ title: "Size" }],
      variants: [{ title: "One size", inventory_quantity: 1, manage_inventory: true, prices: [{ currency_code: "eur", amount: 3900 }], options: [{ value: "One size" }] }],
    } as any)) as any;
    const variantId = product.variants[0].id;
    const cart = await readyCart({ items: [{ variant_id: variantId, quantity: 1 }], provider: "stripe" });
    const intent = intentOfSession(cart);
    const succeeded = await paid(intent.id);
    await setStock(variantId, 0); // the last one sold in a shop next door while the card was checked

    const answer = await completeCart(cart.id);
    if (answer.status === 200) {
      // Stripe's webhook tried the completion first and was refused the same way.
      assert.equal(answer.body.type, "cart", brief(answer.body));
    } else {
      assert.equal(answer.status, 400, brief(answer.body));
      assert.equal(answer.body.code, "insufficient_inventory");
    }
    await assertStaysWithoutOrder(cart.id);
    assert.equal(await stockOf(variantId), 0, "no stock went below zero");
    const refunds = (await stripe().refunds.list({ payment_intent: intent.id, limit: 100 })).data;
    assert.deepEqual(refunds.map((refund) => [refund.amount, refund.metadata?.cart_id]), [[succeeded.amount, cart.id]], "refunded in full, once");
    const events = await db().outboxEvent.findMany({ where: { resourceId: cart.id, name: { startsWith: "payment.orphan_" } } });
    assert.deepEqual(
      events.map((event) => [event.name, JSON.parse(event.dataJson).reason]),
      [["payment.orphan_refunded", "insufficient_inventory"]],
      "recorded once for the merchant",
    );
    const { cart: reopened } = expectOk(await api("GET", `/store/carts/${cart.id}`), "the cart after the refusal");
    assert.notEqual(intentOfSession(reopened).id, intent.id, "a fresh PaymentIntent to pay once the item is back");
  });

  test("the shopper pays and leaves: Stripe's webhook makes the order", { ...ONE_MINUTE, skip: needsStripeWebhooks }, async () => {
    const { cart, intent } = await stripeCart(VARIANT.paidAndLeft);
    await paid(intent.id);
    // No call to /complete: the tab is closed.
    const order = await waitForOrderOfCart(cart.id, 10_000);
    await assertOrderMatchesPayment(order, cart, { variantId: VARIANT.paidAndLeft, paymentStatus: "captured" });
  });
});

describe("Stripe webhooks", { skip: skipAll || needsWebhookSecret, timeout: SUITE_LIMIT }, () => {
  test("webhook and /complete on both instances race: one order, every caller gets it", ONE_MINUTE, async () => {
    const { cart, intent } = await stripeCart(VARIANT.race);
    const succeeded = await paid(intent.id);
    const event = signedStripeEvent("payment_intent.succeeded", succeeded);

    const [completeA, completeB, hookA, hookB] = await Promise.all([
      completeCart(cart.id, 0),
      completeCart(cart.id, 1),
      retryingConflicts(() => deliverWebhook(event, 0)),
      retryingConflicts(() => deliverWebhook(event, 1)),
    ]);
    const orderA = expectOrder(completeA, "complete on instance 1");
    const orderB = expectOrder(completeB, "complete on instance 2");
    assert.equal(orderA.id, orderB.id, "both callers get the same order");
    for (const hook of [hookA, hookB]) {
      assert.equal(hook.status, 200, brief(hook.body));
      assert.equal(hook.body.received, true);
    }
    await assertOrderMatchesPayment(orderA, cart, { variantId: VARIANT.race, paymentStatus: "captured" });
  });

  test("duplicate deliveries and a late payment_failed leave exactly one order, untouched", ONE_MINUTE, async () => {
    const { cart, intent } = await stripeCart(VARIANT.duplicates);
    const succeeded = await paid(intent.id);
    const event = signedStripeEvent("payment_intent.succeeded", succeeded);

    const deliveries = await Promise.all([0, 1, 2].map((index) => retryingConflicts(() => deliverWebhook(event, index))));
    for (const delivery of deliveries) assert.equal(delivery.status, 200, brief(delivery.body));
    const order = (await waitForOrderOfCart(cart.id, 5_000)) as Record<string, any>;
    await assertOrderMatchesPayment(order, cart, { variantId: VARIANT.duplicates, paymentStatus: "captured" });

    // An older failure of the same intent, delivered out of order after the success.
    const failedEarlier = {
      ...succeeded,
      status: "requires_payment_method",
      amount_received: 0,
      last_payment_error: { type: "card_error", code: "card_declined", message: "Your card was declined." },
    };
    const late = await deliverWebhook(signedStripeEvent("payment_intent.payment_failed", failedEarlier), 1);
    assert.equal(late.status, 200, brief(late.body));
    assert.equal(await ordersOfCart(cart.id), 1);
    const after = expectOk(await orderOfCart(cart.id), "the order after the late failure").order;
    assert.deepEqual(after, order, "the order is untouched");
    assert.equal(await stockOf(VARIANT.duplicates), STOCK - 1);
  });

  test("forged or altered events are refused with 400 and complete nothing", ONE_MINUTE, async () => {
    // A cart ready to complete with the manual provider: an event the store accepted would
    // complete it at once, so "no order" shows the signature is what stopped it.
    await setStock(VARIANT.forged, STOCK);
    const cart = await readyCart({ items: [{ variant_id: VARIANT.forged, quantity: 1 }] });
    const intentOfThisCart = { id: "pi_forged", object: "payment_intent", amount: cart.total, currency: "eur", status: "succeeded", metadata: { resource_id: cart.id } };
    const payload = stripeEvent("payment_intent.succeeded", intentOfThisCart);

    const otherSecret = await deliverWebhook(signEvent(payload, "whsec_not_the_store_secret"));
    const unsigned = await deliverWebhook({ payload });
    const signedOriginal = signEvent(stripeEvent("payment_intent.succeeded", { ...intentOfThisCart, metadata: { resource_id: "cart_someoneelse" } }));
    const changedBody = await deliverWebhook({ payload, signature: signedOriginal.signature });

    for (const [what, answer] of Object.entries({ otherSecret, unsigned, changedBody })) {
      assert.equal(answer.status, 400, `${what}: ${brief(answer.body)}`);
      assert.match(answer.headers.get("content-type") ?? "", /application\/json/, `${what} answers JSON`);
      assert.equal(answer.body.type, "invalid_data", what);
      assert.equal(typeof answer.body.message, "string", what);
    }
    await assertNoOrder(cart.id);
    assert.equal(await stockOf(VARIANT.forged), STOCK);
  });

  test("event types the store does not handle are acknowledged with 200", ONE_MINUTE, async () => {
    for (const [type, object] of [
      ["customer.created", { id: "cus_test", object: "customer", email: "someone@example.com" }],
      ["charge.refunded", { id: "ch_test", object: "charge", amount: 100, amount_refunded: 100 }],
      ["payment_intent.created", { id: "pi_test", object: "payment_intent", status: "requires_payment_method", metadata: {} }],
    ] as const) {
      const answer = await deliverWebhook(signedStripeEvent(type, object));
      assert.equal(answer.status, 200, `${type}: ${brief(answer.body)}`);
      assert.equal(answer.body.received, true, type);
    }
  });
});
