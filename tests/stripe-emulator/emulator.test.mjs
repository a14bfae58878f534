// Tests of the Stripe API emulator, driven through the real `stripe` npm client so that what
// passes here is what the app's server code will see. Run: node --test tests/stripe-emulator/
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import Stripe from "stripe";
import { parseFormBody, startStripeEmulator } from "./emulator.mjs";

const SECRET_KEY = "sk_test_emulator";
const PUBLISHABLE_KEY = "pk_test_emulator";
const WEBHOOK_SECRET = "whsec_test_emulator";

function stripeClient(emulator, key = SECRET_KEY) {
  return new Stripe(key, { host: "127.0.0.1", port: emulator.port, protocol: "http", maxNetworkRetries: 0 });
}

/** Calls the emulator without the stripe client, to see raw status codes and headers. */
async function rawCall(emulator, method, path, { key = SECRET_KEY, form, headers = {} } = {}) {
  const response = await fetch(`${emulator.url}${path}`, {
    method,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(form ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
      ...headers,
    },
    body: form ? new URLSearchParams(form).toString() : undefined,
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const json = (call) => JSON.parse(call.text);

/** A local HTTP server standing in for the app's webhook route. */
async function startWebhookReceiver(respond = () => 200) {
  const received = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => {
      const delivery = { body: Buffer.concat(chunks).toString("utf8"), signature: req.headers["stripe-signature"] };
      received.push(delivery);
      const status = respond(delivery, received.length);
      res.writeHead(status).end();
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/api/stripe/hooks`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe("request parsing", () => {
  test("form bodies with bracket notation become nested objects and arrays", () => {
    const parsed = parseFormBody(
      "amount=2000&metadata[resource_id]=cart_1&metadata[0]=zero&payment_method_types[0]=card&card[number]=4242&expand[]=a&expand[]=b",
    );
    assert.deepEqual(parsed, {
      amount: "2000",
      metadata: { resource_id: "cart_1", 0: "zero" },
      payment_method_types: ["card"],
      card: { number: "4242" },
      expand: ["a", "b"],
    });
  });

  test("keys that would pollute prototypes are ignored", () => {
    const parsed = parseFormBody("__proto__[polluted]=yes&metadata[constructor]=x&ok=1");
    assert.deepEqual(parsed, { ok: "1" });
    assert.equal({}.polluted, undefined);
  });
});

describe("payment intents through the stripe client", () => {
  let emulator;
  let stripe;
  before(async () => {
    emulator = await startStripeEmulator();
    stripe = stripeClient(emulator);
  });
  after(() => emulator.close());

  const createIntent = (params = {}) =>
    stripe.paymentIntents.create({ amount: 2000, currency: "usd", metadata: { resource_id: "cart_1" }, ...params });

  test("create answers a Stripe-shaped intent awaiting a payment method", async () => {
    const intent = await createIntent({ allowed_payment_method_types: ["card"], description: "Order", receipt_email: "a@b.co" });
    assert.match(intent.id, /^pi_\w+$/);
    assert.equal(intent.object, "payment_intent");
    assert.equal(intent.status, "requires_payment_method");
    assert.equal(intent.amount, 2000);
    assert.equal(intent.currency, "usd");
    assert.equal(intent.capture_method, "automatic_async");
    assert.equal(intent.client_secret.startsWith(`${intent.id}_secret_`), true);
    assert.deepEqual(intent.metadata, { resource_id: "cart_1" });
    assert.deepEqual(intent.allowed_payment_method_types, ["card"]);
    assert.deepEqual(intent.payment_method_types, ["card"]);
    assert.equal(intent.livemode, false);
    assert.equal(intent.amount_received, 0);
    assert.equal(intent.description, "Order");
    assert.equal(intent.receipt_email, "a@b.co");
    assert.equal(emulator.intents.get(intent.id).amount, 2000);
  });

  test("the older payment_method_types parameter is accepted too", async () => {
    const intent = await createIntent({ payment_method_types: ["card"] });
    assert.deepEqual(intent.payment_method_types, ["card"]);
    assert.equal(intent.allowed_payment_method_types, null);
  });

  test("visa with automatic capture succeeds and receives the full amount", async () => {
    const intent = await createIntent();
    const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    assert.equal(confirmed.status, "succeeded");
    assert.equal(confirmed.amount_received, 2000);
    assert.match(confirmed.payment_method, /^pm_\w+$/);
    assert.match(confirmed.latest_charge, /^ch_\w+$/);
    const retrieved = await stripe.paymentIntents.retrieve(intent.id);
    assert.equal(retrieved.status, "succeeded");
  });

  test("create with confirm=true applies the confirmation rules at once", async () => {
    const intent = await createIntent({ confirm: true, payment_method: "pm_card_visa" });
    assert.equal(intent.status, "succeeded");
  });

  test("visa with manual capture waits for capture, then captures part of the amount", async () => {
    const intent = await createIntent({ capture_method: "manual" });
    const authorized = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    assert.equal(authorized.status, "requires_capture");
    assert.equal(authorized.amount_capturable, 2000);
    assert.equal(authorized.amount_received, 0);

    const captured = await stripe.paymentIntents.capture(intent.id, { amount_to_capture: 1500 });
    assert.equal(captured.status, "succeeded");
    assert.equal(captured.amount_received, 1500);
    assert.equal(captured.amount_capturable, 0);

    await assert.rejects(stripe.paymentIntents.capture(intent.id), (error) => {
      assert.equal(error.type, "StripeInvalidRequestError");
      assert.equal(error.code, "payment_intent_unexpected_state");
      return true;
    });
  });

  test("capture of more than is capturable is refused", async () => {
    const intent = await createIntent({ capture_method: "manual", confirm: true, payment_method: "pm_card_visa" });
    await assert.rejects(stripe.paymentIntents.capture(intent.id, { amount_to_capture: 2001 }), { code: "amount_too_large" });
    assert.equal((await stripe.paymentIntents.retrieve(intent.id)).status, "requires_capture");
  });

  test("a declined card surfaces as StripeCardError and returns the intent to requires_payment_method", async () => {
    const intent = await createIntent();
    await assert.rejects(stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_chargeDeclined" }), (error) => {
      assert.ok(error instanceof Stripe.errors.StripeCardError, `got ${error.type}`);
      assert.equal(error.statusCode, 402);
      assert.equal(error.code, "card_declined");
      assert.equal(error.decline_code, "generic_decline");
      assert.equal(error.message, "Your card was declined.");
      assert.equal(error.payment_intent.id, intent.id);
      assert.equal(error.payment_intent.status, "requires_payment_method");
      return true;
    });
    const retrieved = await stripe.paymentIntents.retrieve(intent.id);
    assert.equal(retrieved.status, "requires_payment_method");
    assert.equal(retrieved.payment_method, null);
    assert.equal(retrieved.last_payment_error.code, "card_declined");
    assert.equal(retrieved.last_payment_error.type, "card_error");

    const retried = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    assert.equal(retried.status, "succeeded");
    assert.equal(retried.last_payment_error, null);
  });

  test("3-D Secure cards require action, then _authenticate completes the payment", async () => {
    const intent = await createIntent();
    const pending = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_authenticationRequired" });
    assert.equal(pending.status, "requires_action");
    assert.equal(pending.next_action.type, "use_stripe_sdk");
    assert.equal(pending.next_action.use_stripe_sdk.stripe_js, `${emulator.url}/v1/payment_intents/${intent.id}/_authenticate`);

    const authenticated = await stripe.rawRequest("POST", `/v1/payment_intents/${intent.id}/_authenticate`, { result: "complete" });
    assert.equal(authenticated.status, "succeeded");
    assert.equal(authenticated.next_action, null);
    assert.equal(authenticated.amount_received, 2000);
  });

  test("a failed 3-D Secure challenge returns the intent to requires_payment_method", async () => {
    const intent = await createIntent({ capture_method: "manual", confirm: true, payment_method: "pm_card_authenticationRequired" });
    assert.equal(intent.status, "requires_action");
    const failed = await stripe.rawRequest("POST", `/v1/payment_intents/${intent.id}/_authenticate`, { result: "fail" });
    assert.equal(failed.status, "requires_payment_method");
    assert.equal(failed.last_payment_error.code, "payment_intent_authentication_failure");
    assert.equal(failed.payment_method, null);
  });

  test("off-session payments with a 3-D Secure card are declined with authentication_required", async () => {
    const intent = await createIntent();
    await assert.rejects(
      stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_authenticationRequired", off_session: true }),
      { type: "StripeCardError", code: "authentication_required" },
    );
  });

  test("update changes amount and merges metadata while the intent is unpaid", async () => {
    const intent = await createIntent({ metadata: { resource_id: "cart_1", keep: "yes", drop: "me" } });
    const updated = await stripe.paymentIntents.update(intent.id, { amount: 2500, currency: "EUR", metadata: { drop: "", added: "1" } });
    assert.equal(updated.amount, 2500);
    assert.equal(updated.currency, "eur");
    assert.deepEqual(updated.metadata, { resource_id: "cart_1", keep: "yes", added: "1" });
    const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    assert.equal(confirmed.amount_received, 2500);
  });

  test("update of the amount after payment is refused, metadata still changes", async () => {
    const intent = await createIntent({ confirm: true, payment_method: "pm_card_visa" });
    await assert.rejects(stripe.paymentIntents.update(intent.id, { amount: 1 }), (error) => {
      assert.equal(error.statusCode, 400);
      assert.equal(error.code, "payment_intent_unexpected_state");
      return true;
    });
    assert.equal((await stripe.paymentIntents.retrieve(intent.id)).amount, 2000);
    const updated = await stripe.paymentIntents.update(intent.id, { metadata: { order_id: "order_1" } });
    assert.equal(updated.metadata.order_id, "order_1");
  });

  test("an update with an invalid field changes nothing", async () => {
    const intent = await createIntent();
    await assert.rejects(stripe.paymentIntents.update(intent.id, { amount: 3000, payment_method: "pm_missing" }), { code: "resource_missing" });
    assert.equal((await stripe.paymentIntents.retrieve(intent.id)).amount, 2000);
  });

  test("cancel works from an unpaid state and not twice", async () => {
    const intent = await createIntent({ capture_method: "manual", confirm: true, payment_method: "pm_card_visa" });
    const canceled = await stripe.paymentIntents.cancel(intent.id, { cancellation_reason: "abandoned" });
    assert.equal(canceled.status, "canceled");
    assert.equal(canceled.cancellation_reason, "abandoned");
    assert.equal(canceled.amount_capturable, 0);
    assert.equal(typeof canceled.canceled_at, "number");
    await assert.rejects(stripe.paymentIntents.cancel(intent.id), { code: "payment_intent_unexpected_state" });
  });

  test("a succeeded intent cannot be canceled or confirmed again", async () => {
    const intent = await createIntent({ confirm: true, payment_method: "pm_card_visa" });
    await assert.rejects(stripe.paymentIntents.cancel(intent.id), { code: "payment_intent_unexpected_state" });
    await assert.rejects(stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" }), { code: "payment_intent_unexpected_state" });
  });

  test("refunds: what is left by default, never more, then charge_already_refunded; listed by intent", async () => {
    const intent = await createIntent({ confirm: true, payment_method: "pm_card_visa" });
    const part = await stripe.refunds.create({ payment_intent: intent.id, amount: 500, metadata: { refund_id: "ref_1" } });
    assert.equal(part.amount, 500);
    assert.equal(part.status, "succeeded");
    assert.deepEqual(part.metadata, { refund_id: "ref_1" });
    await assert.rejects(stripe.refunds.create({ payment_intent: intent.id, amount: 1501 }), { code: "amount_too_large" });
    const rest = await stripe.refunds.create({ payment_intent: intent.id });
    assert.equal(rest.amount, 1500, "without an amount, all that is left");
    await assert.rejects(stripe.refunds.create({ payment_intent: intent.id }), { code: "charge_already_refunded" });
    await assert.rejects(stripe.refunds.create({ payment_intent: intent.id, amount: 1 }), { code: "charge_already_refunded" });
    const listed = await stripe.refunds.list({ payment_intent: intent.id });
    assert.deepEqual(listed.data.map((refund) => refund.id), [rest.id, part.id], "newest first");
  });

  test("an uncaptured intent has no charge to refund", async () => {
    const intent = await createIntent({ capture_method: "manual", confirm: true, payment_method: "pm_card_visa" });
    await assert.rejects(stripe.refunds.create({ payment_intent: intent.id }), { code: "charge_not_refundable" });
  });

  test("payment methods created from card numbers follow the test-card behavior", async () => {
    const card = (number) => ({ type: "card", card: { number, exp_month: 12, exp_year: 2034, cvc: "123" } });
    const visa = await stripe.paymentMethods.create(card("4242424242424242"));
    assert.match(visa.id, /^pm_\w+$/);
    assert.equal(visa.card.brand, "visa");
    assert.equal(visa.card.last4, "4242");
    assert.deepEqual(await stripe.paymentMethods.retrieve(visa.id), visa);

    const declining = await stripe.paymentMethods.create(card("4000000000000002"));
    const intent = await createIntent();
    await assert.rejects(stripe.paymentIntents.confirm(intent.id, { payment_method: declining.id }), { code: "card_declined" });

    await assert.rejects(stripe.paymentMethods.create(card("4242424242424241")), { type: "StripeCardError", code: "incorrect_number" });
  });

  test("the same Idempotency-Key replays the first answer", async () => {
    const params = { amount: 1234, currency: "usd" };
    const first = await stripe.paymentIntents.create(params, { idempotencyKey: "create-once" });
    const second = await stripe.paymentIntents.create(params, { idempotencyKey: "create-once" });
    assert.equal(second.id, first.id);
    assert.equal(second.lastResponse.headers["idempotent-replayed"], "true");
    assert.equal(first.lastResponse.headers["idempotent-replayed"], undefined);

    await assert.rejects(stripe.paymentIntents.create({ ...params, amount: 999 }, { idempotencyKey: "create-once" }), {
      type: "StripeIdempotencyError",
    });
  });

  test("an idempotent replay repeats the status and body byte for byte, declines included", async () => {
    const intent = await createIntent();
    const confirm = () =>
      rawCall(emulator, "POST", `/v1/payment_intents/${intent.id}/confirm`, {
        form: { payment_method: "pm_card_chargeDeclined" },
        headers: { "Idempotency-Key": "decline-once" },
      });
    const first = await confirm();
    const replay = await confirm();
    assert.equal(first.status, 402);
    assert.equal(replay.status, 402);
    assert.equal(replay.text, first.text);
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
  });

  test("a publishable key reaches an intent only with its client_secret, without metadata", async () => {
    const intent = await createIntent();
    const browser = stripeClient(emulator, PUBLISHABLE_KEY);
    const seen = await browser.paymentIntents.retrieve(intent.id, { client_secret: intent.client_secret });
    assert.equal(seen.id, intent.id);
    assert.equal(seen.metadata, undefined);

    await assert.rejects(browser.paymentIntents.retrieve(intent.id, { client_secret: "pi_x_secret_wrong" }), { statusCode: 400 });
    await assert.rejects(browser.paymentIntents.create({ amount: 100, currency: "usd" }), { statusCode: 401 });
  });

  test("the Stripe.js flow: payment method and confirmation with a publishable key", async () => {
    const intent = await createIntent();
    const paymentMethod = json(
      await rawCall(emulator, "POST", "/v1/payment_methods", {
        key: PUBLISHABLE_KEY,
        form: { type: "card", "card[number]": "4000002760003184", "card[exp_month]": "12", "card[exp_year]": "2034", "card[cvc]": "123" },
      }),
    );
    const confirmed = await rawCall(emulator, "POST", `/v1/payment_intents/${intent.id}/confirm`, {
      key: PUBLISHABLE_KEY,
      form: { payment_method: paymentMethod.id, client_secret: intent.client_secret },
    });
    assert.equal(confirmed.status, 200);
    assert.equal(json(confirmed).status, "requires_action");

    const authenticated = await rawCall(emulator, "POST", `/v1/payment_intents/${intent.id}/_authenticate`, {
      key: PUBLISHABLE_KEY,
      form: { result: "complete", client_secret: intent.client_secret },
    });
    assert.equal(json(authenticated).status, "succeeded");
  });

  test("tamperIntent changes an intent behind the app's back", async () => {
    const intent = await createIntent();
    emulator.tamperIntent(intent.id, { amount: 1 });
    assert.equal((await stripe.paymentIntents.retrieve(intent.id)).amount, 1);
  });
});

describe("errors in Stripe's shape", () => {
  let emulator;
  let stripe;
  before(async () => {
    emulator = await startStripeEmulator();
    stripe = stripeClient(emulator);
  });
  after(() => emulator.close());

  test("a missing API key is a 401", async () => {
    const call = await rawCall(emulator, "POST", "/v1/payment_intents", { key: null, form: { amount: "100", currency: "usd" } });
    assert.equal(call.status, 401);
    assert.equal(json(call).error.type, "invalid_request_error");
  });

  test("an invalid API key is a StripeAuthenticationError", async () => {
    await assert.rejects(stripeClient(emulator, "sk_live_nope").paymentIntents.create({ amount: 100, currency: "usd" }), {
      type: "StripeAuthenticationError",
      statusCode: 401,
    });
  });

  test("an unknown id is a 404 resource_missing", async () => {
    await assert.rejects(stripe.paymentIntents.retrieve("pi_unknown"), { statusCode: 404, code: "resource_missing" });
  });

  test("bad params are 400s with Stripe's codes", async () => {
    await assert.rejects(stripe.paymentIntents.create({ amount: "abc", currency: "usd" }), {
      code: "parameter_invalid_integer",
      param: "amount",
    });
    await assert.rejects(stripe.paymentIntents.create({ amount: 0, currency: "usd" }), { code: "parameter_invalid_integer" });
    await assert.rejects(stripe.paymentIntents.create({ amount: 100 }), { code: "parameter_missing", param: "currency" });
    await assert.rejects(stripe.paymentIntents.create({ amount: 100, currency: "usd", amout: 1 }), { code: "parameter_unknown" });
    await assert.rejects(stripe.paymentIntents.create({ amount: 100, currency: "usd", capture_method: "later" }), { param: "capture_method" });
  });

  test("an unknown route is a 404", async () => {
    const call = await rawCall(emulator, "GET", "/v1/refunds_that_do_not_exist");
    assert.equal(call.status, 404);
    assert.match(json(call).error.message, /Unrecognized request URL/);
  });

  test("CORS preflight is answered for the browser stand-in", async () => {
    const call = await rawCall(emulator, "OPTIONS", "/v1/payment_methods", { key: null });
    assert.equal(call.status, 204);
    assert.equal(call.headers.get("access-control-allow-origin"), "*");
    assert.match(call.headers.get("access-control-allow-headers"), /Idempotency-Key/);
    const get = await rawCall(emulator, "GET", "/v1/payment_intents/pi_x");
    assert.equal(get.headers.get("access-control-allow-origin"), "*");
  });
});

describe("webhooks", () => {
  let emulator;
  let receiver;
  let stripe;
  let answerWith; // lets a test decide how the receiver answers each delivery
  before(async () => {
    receiver = await startWebhookReceiver((delivery, count) => answerWith(delivery, count));
    emulator = await startStripeEmulator({
      webhookUrl: receiver.url,
      webhookSecret: WEBHOOK_SECRET,
      webhookMaxAttempts: 4,
      webhookRetryDelayMs: 20,
    });
    stripe = stripeClient(emulator);
  });
  after(async () => {
    await emulator.close();
    await receiver.close();
  });

  const resetReceiver = (answer = () => 200) => {
    receiver.received.length = 0;
    answerWith = answer;
  };
  const receivedEvents = () =>
    receiver.received.map(({ body, signature }) => stripe.webhooks.constructEvent(body, signature, WEBHOOK_SECRET));

  test("a signed payment_intent.succeeded event reaches the app and verifies", async () => {
    resetReceiver();
    const intent = await stripe.paymentIntents.create({ amount: 2000, currency: "usd", metadata: { resource_id: "cart_9" } });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    await emulator.waitForDeliveries();

    const [event] = receivedEvents();
    assert.equal(receiver.received.length, 1);
    assert.match(event.id, /^evt_\w+$/);
    assert.equal(event.object, "event");
    assert.equal(event.type, "payment_intent.succeeded");
    assert.equal(event.livemode, false);
    assert.equal(event.data.object.id, intent.id);
    assert.equal(event.data.object.status, "succeeded");
    assert.equal(event.data.object.metadata.resource_id, "cart_9");
    assert.deepEqual(emulator.deliveries.at(-1), {
      eventId: event.id,
      type: "payment_intent.succeeded",
      intentId: intent.id,
      status: "delivered",
      attempts: 1,
      responseStatus: 200,
      error: null,
    });

    const tampered = receiver.received[0].body.replace('"amount": 2000', '"amount": 1');
    assert.throws(() => stripe.webhooks.constructEvent(tampered, receiver.received[0].signature, WEBHOOK_SECRET));
  });

  test("each state change sends its event", async () => {
    resetReceiver();
    const manual = await stripe.paymentIntents.create({ amount: 500, currency: "usd", capture_method: "manual" });
    await stripe.paymentIntents.confirm(manual.id, { payment_method: "pm_card_visa" });
    await stripe.paymentIntents.cancel(manual.id);
    const declined = await stripe.paymentIntents.create({ amount: 500, currency: "usd" });
    await stripe.paymentIntents.confirm(declined.id, { payment_method: "pm_card_chargeDeclined" }).catch(() => {});
    const threeDS = await stripe.paymentIntents.create({ amount: 500, currency: "usd" });
    await stripe.paymentIntents.confirm(threeDS.id, { payment_method: "pm_card_authenticationRequired" });
    await emulator.waitForDeliveries();

    const types = receivedEvents().map((event) => `${event.type}:${event.data.object.status}`);
    assert.deepEqual(types.sort(), [
      "payment_intent.amount_capturable_updated:requires_capture",
      "payment_intent.canceled:canceled",
      "payment_intent.payment_failed:requires_payment_method",
      "payment_intent.requires_action:requires_action",
    ]);
  });

  test("a failed delivery is retried until the app answers 2xx", async () => {
    resetReceiver((delivery, count) => (count < 3 ? 500 : 200));
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: "usd" });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    await emulator.waitForDeliveries();
    const delivery = emulator.deliveries.at(-1);
    assert.equal(delivery.status, "delivered");
    assert.equal(delivery.attempts, 3);
    assert.equal(new Set(receivedEvents().map((event) => event.id)).size, 1);
  });

  test("a delivery that never succeeds is recorded as failed", async () => {
    resetReceiver(() => 503);
    const intent = await stripe.paymentIntents.create({ amount: 700, currency: "usd" });
    await stripe.paymentIntents.cancel(intent.id);
    await emulator.waitForDeliveries();
    const delivery = emulator.deliveries.at(-1);
    assert.equal(delivery.status, "failed");
    assert.equal(delivery.attempts, 4);
    assert.equal(delivery.responseStatus, 503);
  });

  test("the API call does not wait for the webhook", async () => {
    let releaseReceiver;
    const receiverHeld = new Promise((resolve) => (releaseReceiver = resolve));
    resetReceiver();
    answerWith = () => 200;
    const slowReceiver = createServer(async (req, res) => {
      req.resume();
      await receiverHeld;
      res.writeHead(200).end();
    });
    await new Promise((resolve) => slowReceiver.listen(0, "127.0.0.1", resolve));
    emulator.setWebhookUrl(`http://127.0.0.1:${slowReceiver.address().port}/hooks`);
    try {
      const intent = await stripe.paymentIntents.create({ amount: 700, currency: "usd" });
      const confirmed = await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
      assert.equal(confirmed.status, "succeeded");
      assert.equal(emulator.deliveries.at(-1).status, "pending");
    } finally {
      releaseReceiver();
      await emulator.waitForDeliveries();
      emulator.setWebhookUrl(receiver.url);
      slowReceiver.closeAllConnections();
      await new Promise((resolve) => slowReceiver.close(resolve));
    }
    assert.equal(emulator.deliveries.at(-1).status, "delivered");
  });

  test("deliverEvent re-sends the same event, or a fresh one on request", async () => {
    resetReceiver();
    const intent = await stripe.paymentIntents.create({ amount: 800, currency: "usd" });
    await stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" });
    await emulator.waitForDeliveries();
    const duplicate = await emulator.deliverEvent("payment_intent.succeeded", intent.id);
    emulator.tamperIntent(intent.id, { amount: 1 });
    const fresh = await emulator.deliverEvent("payment_intent.succeeded", intent.id, { fresh: true });

    const [original, resent, rebuilt] = receivedEvents();
    assert.equal(resent.id, original.id);
    assert.equal(duplicate.eventId, original.id);
    assert.notEqual(rebuilt.id, original.id);
    assert.equal(fresh.eventId, rebuilt.id);
    assert.equal(rebuilt.data.object.amount, 1);
    assert.equal(resent.data.object.amount, 800);
  });
});

describe("command line", () => {
  test("prints its address, serves the API, and stops on SIGTERM", async () => {
    const script = fileURLToPath(new URL("./emulator.mjs", import.meta.url));
    const child = spawn(process.execPath, [script, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
    try {
      const firstLine = await new Promise((resolve, reject) => {
        child.stdout.once("data", (chunk) => resolve(chunk.toString().trim()));
        child.once("exit", (code) => reject(new Error(`emulator exited with ${code}`)));
      });
      const match = /^stripe emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(firstLine);
      assert.ok(match, `unexpected first line: ${firstLine}`);
      const intent = await stripeClient({ port: Number(match[2]) }).paymentIntents.create({ amount: 100, currency: "usd" });
      assert.equal(intent.status, "requires_payment_method");
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      assert.equal(await exited, 0);
    }
  });
});
