#!/usr/bin/env node
// Checks the Stripe.js stand-in and the Playwright card helpers in real Chromium, against the
// Stripe emulator: a plain page using the Stripe API directly, and a React page using
// @stripe/stripe-js's loadStripe with @stripe/react-stripe-js's <Elements> and <CardElement>.
//
// Run: node e2e/support/stripe-standin.check.mjs   (prints PASS/FAIL lines, exits 1 on a failure)
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import Stripe from "stripe";
import { tsImport } from "tsx/esm/api";
import { startStripeEmulator } from "../../tests/stripe-emulator/emulator.mjs";

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PUBLISHABLE_KEY = "pk_test_standin_check";
const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run",
];
const SCREENSHOT_PATH = "/tmp/stripe-standin-3ds.png";

// ---------------------------------------------------------------------------
// Pages under test
// ---------------------------------------------------------------------------

const PLAIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Stand-in check</title>
<script src="https://js.stripe.com/v3"></script></head>
<body>
  <form id="payment-form" style="max-width:420px;margin:40px auto;font-family:sans-serif">
    <div id="card-element" style="border:1px solid #ccc;border-radius:6px;padding:4px 8px"></div>
    <p id="card-errors" role="alert"></p>
  </form>
  <script>
    const stripe = Stripe(${JSON.stringify(PUBLISHABLE_KEY)});
    const card = stripe.elements().create("card", { style: { base: { fontSize: "16px" } } });
    window.cardEvents = [];
    card.on("ready", () => { window.cardReady = true; });
    card.on("change", (event) => {
      window.cardEvents.push(event);
      document.getElementById("card-errors").textContent = event.error ? event.error.message : "";
    });
    card.mount("#card-element");
    window.pay = (clientSecret) =>
      stripe.confirmCardPayment(clientSecret, { payment_method: { card, billing_details: { name: "Jenny Rosen" } } });
  </script>
</body></html>`;

const REACT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>React check</title></head>
<body><div id="root"></div><script src="/react-checkout.js"></script></body></html>`;

// A checkout form the way the storefront builds one with react-stripe-js, in StrictMode so the
// element is mounted, destroyed and created again as in development.
const REACT_CHECKOUT_SOURCE = `
import React, { StrictMode, useState } from "react";
import { createRoot } from "react-dom/client";
import { loadStripe } from "@stripe/stripe-js";
import { CardElement, Elements, useElements, useStripe } from "@stripe/react-stripe-js";

const h = React.createElement;
const stripePromise = loadStripe(${JSON.stringify(PUBLISHABLE_KEY)});

function CheckoutForm() {
  const stripe = useStripe();
  const elements = useElements();
  const [cardError, setCardError] = useState("");
  const [complete, setComplete] = useState(false);
  const [result, setResult] = useState("");

  async function pay(event) {
    event.preventDefault();
    const outcome = await stripe.confirmCardPayment(window.clientSecret, {
      payment_method: { card: elements.getElement(CardElement) },
    });
    setResult(outcome.error ? "error: " + outcome.error.code : "status: " + outcome.paymentIntent.status);
  }

  return h("form", { onSubmit: pay },
    h(CardElement, {
      onReady: () => { window.cardReady = true; },
      onChange: (event) => { setCardError(event.error ? event.error.message : ""); setComplete(event.complete); },
    }),
    h("p", { role: "alert" }, cardError),
    h("button", { type: "submit", disabled: !stripe || !complete }, "Pay"),
    h("output", { id: "result" }, result));
}

createRoot(document.getElementById("root")).render(
  h(StrictMode, null, h(Elements, { stripe: stripePromise }, h(CheckoutForm))));
`;

async function bundleReactCheckout() {
  const result = await build({
    stdin: { contents: REACT_CHECKOUT_SOURCE, resolveDir: PROJECT_ROOT, loader: "js" },
    bundle: true,
    write: false,
    format: "iife",
    define: { "process.env.NODE_ENV": '"development"' },
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

async function startPageServer() {
  const reactCheckout = await bundleReactCheckout();
  const files = {
    "/": ["text/html", PLAIN_PAGE],
    "/react": ["text/html", REACT_PAGE],
    "/react-checkout.js": ["application/javascript", reactCheckout],
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url, "http://localhost").pathname];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": `${file[0]}; charset=utf-8` }).end(file[1]);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

// ---------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------

function defineChecks({ emulator, stripe, helpers, open }) {
  const { fillCard, completeThreeDSecure, failThreeDSecure, cardFrame } = helpers;
  const createIntent = (params = {}) => stripe.paymentIntents.create({ amount: 2000, currency: "usd", ...params });
  const statusOf = (intent) => emulator.intents.get(intent.id).status;

  return {
    "the stand-in loads from https://js.stripe.com/v3 and mounts a labelled card iframe": async () => {
      const page = await open("/");
      assert.equal(await page.evaluate(() => window.Stripe.version), "endive");
      const frame = cardFrame(page);
      await frame.getByLabel("Card number").waitFor();
      await frame.getByLabel("Expiration date (MM / YY)").waitFor();
      await frame.getByLabel("Security code (CVC)").waitFor();
      assert.equal(await frame.locator('[name="cardnumber"]').getAttribute("placeholder"), "Card number");
      assert.equal(await frame.locator('[name="exp-date"]').getAttribute("placeholder"), "MM / YY");
      assert.equal(await frame.locator('[name="cvc"]').getAttribute("placeholder"), "CVC");
      assert.equal(await page.evaluate(() => window.cardReady), true);
    },

    "the card element reports invalid numbers and past expiry dates": async () => {
      const page = await open("/");
      const frame = cardFrame(page);
      await frame.locator('[name="cardnumber"]').fill("4242424242424241");
      await page.getByRole("alert").filter({ hasText: "Your card number is invalid." }).waitFor();
      await frame.locator('[name="cardnumber"]').fill("4242424242424242");
      await frame.locator('[name="exp-date"]').fill("12 / 20");
      await page.getByRole("alert").filter({ hasText: "Your card's expiration year is in the past." }).waitFor();
      await frame.locator('[name="exp-date"]').fill("12 / 34");
      await frame.locator('[name="cvc"]').fill("123");
      const last = await page.evaluate(() => window.cardEvents.at(-1));
      assert.deepEqual(last, { elementType: "card", empty: false, complete: true, brand: "visa", value: { postalCode: "" } });
      assert.equal(await frame.locator('[name="cardnumber"]').inputValue(), "4242 4242 4242 4242");
    },

    "a visa card pays": async () => {
      const page = await open("/");
      const intent = await createIntent();
      await fillCard(page, "visa");
      const result = await page.evaluate((secret) => window.pay(secret), intent.client_secret);
      assert.equal(result.error, undefined, JSON.stringify(result.error));
      assert.equal(result.paymentIntent.status, "succeeded");
      assert.equal(statusOf(intent), "succeeded");
    },

    "a visa card with manual capture is authorized only": async () => {
      const page = await open("/");
      const intent = await createIntent({ capture_method: "manual" });
      await fillCard(page, "visa");
      const result = await page.evaluate((secret) => window.pay(secret), intent.client_secret);
      assert.equal(result.paymentIntent.status, "requires_capture");
    },

    "a declined card resolves a card error and leaves the intent payable": async () => {
      const page = await open("/");
      const intent = await createIntent();
      await fillCard(page, "declined");
      const result = await page.evaluate((secret) => window.pay(secret), intent.client_secret);
      assert.equal(result.paymentIntent, undefined);
      assert.equal(result.error.type, "card_error");
      assert.equal(result.error.code, "card_declined");
      assert.equal(result.error.decline_code, "generic_decline");
      assert.equal(result.error.message, "Your card was declined.");
      assert.equal(result.error.payment_intent.status, "requires_payment_method");
      assert.equal(statusOf(intent), "requires_payment_method");
    },

    "a 3-D Secure card shows the dialog, and completing it pays": async () => {
      const page = await open("/");
      const intent = await createIntent();
      await fillCard(page, "3ds");
      const paying = page.evaluate((secret) => window.pay(secret), intent.client_secret);
      const dialog = page.getByRole("dialog", { name: "3D Secure authentication" });
      await dialog.getByRole("heading", { name: "Authenticate your payment" }).waitFor();
      assert.equal(statusOf(intent), "requires_action");
      await page.screenshot({ path: SCREENSHOT_PATH });
      await completeThreeDSecure(page);
      const result = await paying;
      assert.equal(result.paymentIntent.status, "succeeded");
      assert.equal(await dialog.count(), 0);
    },

    "failing 3-D Secure resolves payment_intent_authentication_failure": async () => {
      const page = await open("/");
      const intent = await createIntent();
      await fillCard(page, "3ds");
      const paying = page.evaluate((secret) => window.pay(secret), intent.client_secret);
      await failThreeDSecure(page);
      const result = await paying;
      assert.equal(result.error.type, "invalid_request_error");
      assert.equal(result.error.code, "payment_intent_authentication_failure");
      assert.equal(
        result.error.message,
        "We are unable to authenticate your payment method. Please choose a different payment method and try again.",
      );
      assert.equal(result.error.payment_intent.status, "requires_payment_method");
      assert.equal(statusOf(intent), "requires_payment_method");
    },

    "react-stripe-js: loadStripe, <Elements> and <CardElement> pay with a visa card": async () => {
      const page = await open("/react");
      const intent = await createIntent();
      await page.evaluate((secret) => { window.clientSecret = secret; }, intent.client_secret);
      await fillCard(page, "visa");
      await page.getByRole("button", { name: "Pay" }).click();
      await page.locator("#result").filter({ hasText: "status: succeeded" }).waitFor();
      assert.equal(statusOf(intent), "succeeded");
      assert.equal(await page.locator('iframe[title="Secure card payment input frame"]').count(), 1);
    },

    "react-stripe-js: onChange errors and a 3-D Secure payment": async () => {
      const page = await open("/react");
      const intent = await createIntent();
      await page.evaluate((secret) => { window.clientSecret = secret; }, intent.client_secret);
      await cardFrame(page).locator('[name="cardnumber"]').fill("4000000000000001");
      await page.getByRole("alert").filter({ hasText: "Your card number is invalid." }).waitFor();
      await fillCard(page, "3ds");
      await page.getByRole("button", { name: "Pay" }).click();
      await completeThreeDSecure(page);
      await page.locator("#result").filter({ hasText: "status: succeeded" }).waitFor();
    },
  };
}

// ---------------------------------------------------------------------------
// Runner
// ---------------------------------------------------------------------------

async function main() {
  const emulator = await startStripeEmulator();
  process.env.STRIPE_API_BASE = emulator.url; // the helpers switch to the stand-in on this
  const helpers = await tsImport("./stripe.ts", import.meta.url);
  const stripe = new Stripe("sk_test_standin_check", { host: "127.0.0.1", port: emulator.port, protocol: "http", maxNetworkRetries: 0 });
  const pages = await startPageServer();
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  const pageErrors = [];

  async function open(path) {
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on("pageerror", (error) => pageErrors.push(`${path}: ${error.message}`));
    // Nothing but the test pages, the routed Stripe.js and the emulator may be reached.
    await page.route(/^(?!http:\/\/127\.0\.0\.1:)(?!https:\/\/js\.stripe\.com\/)/, (route) => route.abort());
    await helpers.serveStripeJs(page, emulator.url);
    await page.goto(pages.url + path);
    await page.waitForFunction(() => window.cardReady === true);
    return page;
  }

  const checks = Object.entries(defineChecks({ emulator, stripe, helpers, open }));
  let failures = 0;
  try {
    for (const [name, check] of checks) {
      pageErrors.length = 0;
      try {
        await check();
        assert.deepEqual(pageErrors, [], "uncaught errors in the page");
        console.log(`PASS ${name}`);
      } catch (error) {
        failures += 1;
        console.log(`FAIL ${name}\n     ${String(error.stack ?? error).split("\n").slice(0, 6).join("\n     ")}`);
      } finally {
        for (const page of context.pages()) await page.close();
      }
    }
  } finally {
    await browser.close();
    pages.close();
    await emulator.close();
  }
  console.log(`${checks.length - failures} passed, ${failures} failed`);
  process.exitCode = failures > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error("FAIL the check could not run:", error);
  process.exitCode = 1;
});
