#!/usr/bin/env node
// A local emulator of the slice of the Stripe API the storefront uses (PaymentIntents,
// PaymentMethods, a little of Customers and Events), plus signed webhook delivery.
//
// Why: api.stripe.com is unreachable from development and CI machines, and no package
// emulates PaymentIntents (see shared/docs/stripe-offline.md). The real `stripe` client
// talks to this server unchanged: new Stripe(key, { host, port, protocol: "http" }).
//
// Node built-ins only. State lives in memory and dies with the process.
//
// Test cards (number, or payment_method token): 4242424242424242 / pm_card_visa succeeds
// (requires_capture with capture_method=manual); 4000000000000002 / pm_card_chargeDeclined is
// declined (402 card_declined); 4000002760003184 / pm_card_authenticationRequired needs 3-D Secure
// (requires_action), finished by the emulator-only POST /v1/payment_intents/:id/_authenticate
// with result=complete|fail. Webhook events: payment_intent.succeeded, .amount_capturable_updated,
// .payment_failed, .canceled, .requires_action, charge.refunded (a refund through the API, as
// from the dashboard) and charge.dispute.created (the emulator-only POST
// /v1/payment_intents/:id/_dispute with reason=…), signed as Stripe does.

import { createServer, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createHmac, randomBytes } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const DEFAULT_API_VERSION = "2026-10-28.endive"; // what stripe@23.1.0 sends
const MAX_BODY_BYTES = 1024 * 1024;
const MAX_AMOUNT = 99_999_999; // Stripe's limit for an 8-digit amount
// A first request to a Next.js dev server compiles the route, which can take a while.
const WEBHOOK_TIMEOUT_MS = 20_000;

// ---------------------------------------------------------------------------
// Test cards: the card number decides what happens at confirmation, as in test mode.
// ---------------------------------------------------------------------------

const TEST_CARDS = {
  "4242424242424242": { brand: "visa", outcome: "success" },
  "5555555555554444": { brand: "mastercard", outcome: "success" },
  "4000000000000002": { brand: "visa", outcome: "decline", declineCode: "generic_decline" },
  "4000000000009995": { brand: "visa", outcome: "decline", declineCode: "insufficient_funds" },
  "4000002760003184": { brand: "visa", outcome: "authenticate" },
};

// Stripe accepts these ids as payment_method values without creating one first.
const TEST_PAYMENT_METHOD_TOKENS = {
  pm_card_visa: "4242424242424242",
  pm_card_mastercard: "5555555555554444",
  pm_card_chargeDeclined: "4000000000000002",
  pm_card_chargeDeclinedInsufficientFunds: "4000000000009995",
  pm_card_authenticationRequired: "4000002760003184",
};

const DECLINE_MESSAGES = {
  generic_decline: "Your card was declined.",
  insufficient_funds: "Your card has insufficient funds.",
  authentication_required: "Your card was declined. This transaction requires authentication.",
  test_mode_live_card:
    "Your card was declined. Your request was in test mode, but used a non test (live) card. For a list of valid test cards, visit: https://stripe.com/docs/testing.",
};

const AUTHENTICATION_FAILURE_MESSAGE =
  "The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.";

// ---------------------------------------------------------------------------
// Intent states
// ---------------------------------------------------------------------------

const UPDATABLE_STATES = ["requires_payment_method", "requires_confirmation", "requires_action"];
const CONFIRMABLE_STATES = UPDATABLE_STATES;
const FINAL_STATES = ["succeeded", "canceled"];
const CANCELABLE_STATES = [...UPDATABLE_STATES, "requires_capture", "processing"];
const CAPTURE_METHODS = ["automatic", "automatic_async", "manual"];
const CANCELLATION_REASONS = ["duplicate", "fraudulent", "requested_by_customer", "abandoned"];

// Stripe lets these change on an intent in any state (e.g. metadata after success);
// everything else is frozen once the intent has left the updatable states.
const FIELDS_UPDATABLE_IN_ANY_STATE = ["metadata", "description", "receipt_email", "expand"];

// Fields Stripe returns when the intent is fetched with a publishable key + client_secret.
// Metadata and customer are deliberately absent, as in Stripe.
const CLIENT_VISIBLE_INTENT_FIELDS = [
  "id", "object", "allowed_payment_method_types", "amount", "amount_details", "automatic_payment_methods", "canceled_at",
  "cancellation_reason", "capture_method", "client_secret", "confirmation_method", "created",
  "currency", "description", "last_payment_error", "livemode", "next_action", "payment_method",
  "payment_method_types", "processing", "receipt_email", "setup_future_usage", "shipping", "status",
];

// Parameter names as stripe@23.1.0 declares them (PaymentIntentCreateParams etc.), plus the
// older `payment_method_types`. Anything else is refused with parameter_unknown, as Stripe does,
// so a misspelt parameter fails here rather than only against real Stripe.
const INTENT_CREATE_PARAMS = [
  "amount", "currency", "allowed_payment_method_types", "amount_details", "application_fee_amount",
  "automatic_payment_methods", "capture_method", "confirm", "confirmation_method", "confirmation_token",
  "customer", "customer_account", "description", "error_on_requires_action",
  "excluded_payment_method_types", "expand", "hooks", "mandate", "mandate_data", "metadata",
  "off_session", "on_behalf_of", "payment_details", "payment_method", "payment_method_configuration",
  "payment_method_data", "payment_method_options", "payment_method_types", "radar_options",
  "receipt_email", "return_url", "setup_future_usage", "shipping", "statement_descriptor",
  "statement_descriptor_suffix", "transfer_data", "transfer_group", "use_stripe_sdk",
];
const INTENT_UPDATE_PARAMS = [
  "allowed_payment_method_types", "amount", "amount_details", "application_fee_amount",
  "capture_method", "currency", "customer", "customer_account", "description",
  "excluded_payment_method_types", "expand", "hooks", "metadata", "payment_details",
  "payment_method", "payment_method_configuration", "payment_method_data", "payment_method_options",
  "payment_method_types", "receipt_email", "setup_future_usage", "shipping", "statement_descriptor",
  "statement_descriptor_suffix", "transfer_data", "transfer_group",
];
// Stripe.js sends client_secret and, without an Authorization header, its key as `key`.
const INTENT_CONFIRM_PARAMS = [
  "allowed_payment_method_types", "amount_details", "amount_to_confirm", "capture_method",
  "confirmation_token", "error_on_requires_action", "excluded_payment_method_types", "expand",
  "hooks", "mandate", "mandate_data", "off_session", "payment_details", "payment_method",
  "payment_method_data", "payment_method_options", "radar_options", "receipt_email", "return_url",
  "setup_future_usage", "shipping", "use_stripe_sdk", "client_secret", "key",
];
const INTENT_CAPTURE_PARAMS = [
  "amount_details", "amount_to_capture", "application_fee_amount", "expand", "final_capture",
  "hooks", "metadata", "payment_details", "statement_descriptor", "statement_descriptor_suffix",
  "transfer_data",
];
// Update fields stored as given (an empty string unsets them, as in Stripe).
const PLAIN_UPDATE_FIELDS = [
  "description", "receipt_email", "setup_future_usage", "shipping", "statement_descriptor",
  "statement_descriptor_suffix", "payment_method_options", "transfer_group",
  "excluded_payment_method_types",
];
// Stripe.js adds its own telemetry fields (guid, muid, …) to the payment methods it creates.
const PAYMENT_METHOD_CREATE_PARAMS = [
  "type", "card", "billing_details", "metadata", "key", "expand",
  "payment_user_agent", "guid", "muid", "sid", "time_on_page",
];

// ---------------------------------------------------------------------------
// Errors in Stripe's shape
// ---------------------------------------------------------------------------

class ApiError extends Error {
  /**
   * @param {number} status HTTP status
   * @param {object} error the `error` object Stripe would answer with
   * @param {{ rememberForIdempotency?: boolean }} options Stripe saves an idempotent result
   *   only once the endpoint started executing: not for auth, routing or validation errors.
   */
  constructor(status, error, { rememberForIdempotency = false } = {}) {
    super(error.message);
    this.status = status;
    this.error = error;
    this.rememberForIdempotency = rememberForIdempotency;
  }
}

const invalidRequest = (status, message, extra = {}) =>
  new ApiError(status, { type: "invalid_request_error", message, ...extra });

const missingParam = (param) =>
  invalidRequest(400, `Missing required param: ${param}.`, { code: "parameter_missing", param });

const PAST_TENSE = { update: "updated", confirm: "confirmed", capture: "captured", cancel: "canceled", authenticate: "authenticated" };

/** @param intentView the intent as the caller may see it (see presentIntent) */
const unexpectedState = (intentView, allowedStates, action) =>
  new ApiError(
    400,
    {
      type: "invalid_request_error",
      code: "payment_intent_unexpected_state",
      message: `You cannot ${action} this PaymentIntent because it has a status of ${intentView.status}. Only a PaymentIntent with one of the following statuses may be ${PAST_TENSE[action]}: ${allowedStates.join(", ")}.`,
      payment_intent: intentView,
    },
    { rememberForIdempotency: true },
  );

const noSuch = (kind, id, param = "id") =>
  invalidRequest(404, `No such ${kind}: '${id}'`, { code: "resource_missing", param });

function rejectUnknownParams(params, allowed) {
  for (const name of Object.keys(params)) {
    if (!allowed.includes(name)) {
      throw invalidRequest(400, `Received unknown parameter: ${name}`, { code: "parameter_unknown", param: name });
    }
  }
}

// ---------------------------------------------------------------------------
// Form bodies with bracket notation: metadata[resource_id]=cart_1, payment_method_types[0]=card
// ---------------------------------------------------------------------------

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

function splitBracketKey(key) {
  const [head, ...rest] = key.split("[");
  return [head, ...rest.map((segment) => segment.replace(/\]$/, ""))];
}

// `metadata` holds free-form keys ("0" is a valid metadata key), so it never becomes an array.
function startsArray(parentKey, nextSegment) {
  return parentKey !== "metadata" && (nextSegment === "" || /^\d+$/.test(nextSegment));
}

export function parseFormBody(text) {
  const result = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const path = splitBracketKey(rawKey);
    if (path.some((segment) => FORBIDDEN_KEYS.has(segment))) continue;
    let container = result;
    for (let i = 0; i < path.length - 1; i++) {
      const segment = path[i] === "" && Array.isArray(container) ? container.length : path[i];
      if (typeof container[segment] !== "object" || container[segment] === null) {
        container[segment] = startsArray(path[i], path[i + 1]) ? [] : {};
      }
      container = container[segment];
    }
    const last = path[path.length - 1];
    if (Array.isArray(container) && last === "") container.push(value);
    else container[last] = value;
  }
  return result;
}

// ---------------------------------------------------------------------------
// Small value helpers
// ---------------------------------------------------------------------------

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomToken(length) {
  const bytes = randomBytes(length);
  return Array.from(bytes, (byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join("");
}

const newId = (prefix) => `${prefix}_${randomToken(24)}`;
const nowInSeconds = () => Math.floor(Date.now() / 1000);
const isTrue = (value) => value === true || value === "true";

function readInteger(params, name, { required = false, min = 1, max = MAX_AMOUNT } = {}) {
  const raw = params[name];
  if (raw === undefined || raw === "") {
    if (required) throw missingParam(name);
    return undefined;
  }
  if (!/^\d+$/.test(String(raw))) {
    throw invalidRequest(400, `Invalid integer: ${raw}`, { code: "parameter_invalid_integer", param: name });
  }
  const value = Number(raw);
  if (value < min) {
    throw invalidRequest(400, `This value must be greater than or equal to ${min}.`, {
      code: "parameter_invalid_integer",
      param: name,
    });
  }
  if (value > max) {
    throw invalidRequest(400, `Amount must be no more than ${max}`, { code: "amount_too_large", param: name });
  }
  return value;
}

function readCurrency(params, { required = false } = {}) {
  const raw = params.currency;
  if (raw === undefined || raw === "") {
    if (required) throw missingParam("currency");
    return undefined;
  }
  if (!/^[a-z]{3}$/i.test(raw)) {
    throw invalidRequest(400, `Invalid currency: ${raw}.`, { param: "currency" });
  }
  return raw.toLowerCase();
}

function readEnum(params, name, allowed) {
  const raw = params[name];
  if (raw === undefined || raw === "") return undefined;
  if (!allowed.includes(raw)) {
    throw invalidRequest(400, `Invalid ${name}: must be one of ${allowed.join(", ")}`, { param: name });
  }
  return raw;
}

// This API version takes `allowed_payment_method_types`; older ones `payment_method_types`.
// The intent reports the effective list in `payment_method_types` either way.
function readPaymentMethodTypes(params, defaults) {
  const given = params.allowed_payment_method_types ?? params.payment_method_types;
  if (given === undefined) return defaults;
  const name = params.allowed_payment_method_types ? "allowed_payment_method_types" : "payment_method_types";
  if (!Array.isArray(given) || given.length === 0) {
    throw invalidRequest(400, "Invalid array", { code: "parameter_invalid_empty", param: name });
  }
  return { allowed_payment_method_types: params.allowed_payment_method_types ?? null, payment_method_types: given };
}

// Stripe merges metadata on update; an empty value removes a key, `metadata=""` clears all.
function mergeMetadata(current, update) {
  if (update === undefined) return current;
  if (update === "") return {};
  if (typeof update !== "object" || Array.isArray(update)) {
    throw invalidRequest(400, "Invalid object", { param: "metadata" });
  }
  const merged = { ...current };
  for (const [key, value] of Object.entries(update)) {
    if (typeof value !== "string") {
      throw invalidRequest(400, `Invalid value for metadata[${key}]: must be a string`, { param: `metadata[${key}]` });
    }
    if (value === "") delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

function passesLuhnCheck(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

function cardBrand(number) {
  if (/^4/.test(number)) return "visa";
  if (/^(5[1-5]|2[2-7])/.test(number)) return "mastercard";
  if (/^3[47]/.test(number)) return "amex";
  if (/^(6011|65)/.test(number)) return "discover";
  return "unknown";
}

// A Luhn-valid number that is not a test card behaves like Stripe test mode: a live card, declined.
function behaviorOfCard(number) {
  return TEST_CARDS[number] ?? { brand: cardBrand(number), outcome: "decline", declineCode: "test_mode_live_card" };
}

function cardError(code, message, param, extra = {}) {
  return new ApiError(402, { type: "card_error", code, message, param, ...extra }, { rememberForIdempotency: true });
}

// ---------------------------------------------------------------------------
// API keys
// ---------------------------------------------------------------------------

const SECRET_KEY = /^(sk|rk)_test_\w+$/;
const PUBLISHABLE_KEY = /^pk_test_\w+$/;

function readApiKey(headers, params) {
  const authorization = headers.authorization ?? "";
  const [scheme, credentials = ""] = authorization.split(" ");
  if (/^bearer$/i.test(scheme)) return credentials.trim();
  if (/^basic$/i.test(scheme)) return Buffer.from(credentials, "base64").toString().split(":")[0];
  // Stripe.js sends its publishable key as a `key` form parameter instead of a header.
  return typeof params.key === "string" ? params.key : "";
}

function classifyApiKey(key) {
  if (!key) {
    throw invalidRequest(
      401,
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (SECRET_KEY.test(key)) return "secret";
  if (PUBLISHABLE_KEY.test(key)) return "publishable";
  throw invalidRequest(401, `Invalid API Key provided: ${key.slice(0, 8)}****${key.slice(-4)}`, {
    code: "api_key_invalid",
  });
}

function requireSecretKey(ctx) {
  if (ctx.keyKind !== "secret") {
    throw invalidRequest(
      401,
      "This API call cannot be made with a publishable API key. Please use a secret API key.",
      { code: "secret_key_required" },
    );
  }
}

// With a publishable key, an intent is reachable only by presenting its client_secret.
function requireIntentAccess(ctx, intent) {
  if (ctx.keyKind === "secret") return;
  if (ctx.params.client_secret !== intent.client_secret) {
    throw invalidRequest(400, "The client_secret provided does not match the client_secret associated with the PaymentIntent.", {
      code: "payment_intent_invalid_parameter",
      param: "client_secret",
    });
  }
}

// ---------------------------------------------------------------------------
// Webhook signing and delivery
// ---------------------------------------------------------------------------

/** The `Stripe-Signature` header that stripe.webhooks.constructEvent verifies. */
export function signWebhookPayload(payload, secret, timestamp = nowInSeconds()) {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

function postJson(url, headers, body, signal) {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === "https:" ? httpsRequest : httpRequest;
    // agent:false: one connection per delivery, so no pooled socket outlives close().
    const req = send(target, {
      method: "POST",
      agent: false,
      signal,
      timeout: WEBHOOK_TIMEOUT_MS,
      headers: { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), ...headers },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${WEBHOOK_TIMEOUT_MS} ms`)));
    req.on("error", reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------------------
// The emulator
// ---------------------------------------------------------------------------

class StripeEmulator {
  constructor({ webhookUrl, webhookSecret, webhookMaxAttempts = 5, webhookRetryDelayMs = 250, log }) {
    this.baseUrl = "";
    this.webhookUrl = webhookUrl;
    this.webhookSecret = webhookSecret;
    this.webhookMaxAttempts = webhookMaxAttempts;
    this.webhookRetryDelayMs = webhookRetryDelayMs;
    this.log = log ?? (() => {});
    this.intents = new Map();
    this.paymentMethods = new Map(); // id → { paymentMethod, behavior }
    this.customers = new Map();
    this.refunds = new Map();
    this.disputes = new Map();
    this.events = [];
    this.deliveries = [];
    this.deliveriesInFlight = new Set();
    this.idempotentResults = new Map();
    this.shutdown = new AbortController();
    this.routes = [
      ["POST", "/v1/payment_intents", this.createPaymentIntent],
      ["GET", "/v1/payment_intents/:id", this.retrievePaymentIntent],
      ["POST", "/v1/payment_intents/:id", this.updatePaymentIntent],
      ["POST", "/v1/payment_intents/:id/confirm", this.confirmPaymentIntent],
      ["POST", "/v1/payment_intents/:id/capture", this.capturePaymentIntent],
      ["POST", "/v1/payment_intents/:id/cancel", this.cancelPaymentIntent],
      ["POST", "/v1/payment_intents/:id/_authenticate", this.authenticatePaymentIntent],
      ["POST", "/v1/payment_intents/:id/_dispute", this.disputePaymentIntent],
      ["POST", "/v1/payment_methods", this.createPaymentMethod],
      ["GET", "/v1/payment_methods/:id", this.retrievePaymentMethod],
      ["POST", "/v1/refunds", this.createRefund],
      ["GET", "/v1/refunds/:id", this.retrieveRefund],
      ["GET", "/v1/refunds", this.listRefunds],
      ["POST", "/v1/customers", this.createCustomer],
      ["GET", "/v1/customers/:id", this.retrieveCustomer],
      ["GET", "/v1/events/:id", this.retrieveEvent],
    ].map(([method, pattern, handler]) => ({
      method,
      regex: new RegExp(`^${pattern.replace(":id", "([^/]+)")}$`),
      handler: handler.bind(this),
    }));
  }

  // ----- HTTP plumbing -----

  async handleHttp(req, res) {
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, DELETE, OPTIONS");
    res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Stripe-Version, Idempotency-Key");
    res.setHeader("Access-Control-Expose-Headers", "Request-Id, Idempotent-Replayed, Stripe-Version");
    if (req.method === "OPTIONS") {
      res.writeHead(204, { "Access-Control-Max-Age": "600" }).end();
      return;
    }
    const requestId = newId("req");
    res.setHeader("Request-Id", requestId);
    res.setHeader("Stripe-Version", req.headers["stripe-version"] ?? DEFAULT_API_VERSION);

    let rawBody;
    try {
      rawBody = await readRequestBody(req);
    } catch (error) {
      sendJson(res, 400, { error: { type: "invalid_request_error", message: error.message } });
      return;
    }
    const url = new URL(req.url, "http://emulator.invalid");
    const idempotencyKey = req.method === "POST" ? req.headers["idempotency-key"] : undefined;
    const ctx = { req, url, rawBody, requestId, idempotencyKey, pendingEvents: [] };

    const { status, body, replayed } = this.answer(ctx);
    if (replayed) res.setHeader("Idempotent-Replayed", "true");
    if (idempotencyKey) res.setHeader("Idempotency-Key", idempotencyKey);
    sendJson(res, status, body);
    this.log(`${req.method} ${url.pathname} → ${status}${replayed ? " (idempotent replay)" : ""}`);

    // Webhooks leave only after the API answer, so the API call never waits on the app.
    for (const event of ctx.pendingEvents) this.dispatchEvent(event);
  }

  answer(ctx) {
    try {
      ctx.params = this.readParams(ctx);
      ctx.apiKey = readApiKey(ctx.req.headers, ctx.params);
      ctx.keyKind = classifyApiKey(ctx.apiKey);
      const replay = this.findIdempotentReplay(ctx);
      if (replay) return { ...replay, replayed: true };
      const result = this.route(ctx);
      this.rememberIdempotentResult(ctx, result);
      return result;
    } catch (error) {
      if (!(error instanceof ApiError)) {
        console.error("stripe emulator: unexpected error", error);
        return { status: 500, body: { error: { type: "api_error", message: String(error?.message ?? error) } } };
      }
      const result = { status: error.status, body: { error: error.error } };
      if (error.rememberForIdempotency) this.rememberIdempotentResult(ctx, result);
      return result;
    }
  }

  readParams({ req, url, rawBody }) {
    const query = parseFormBody(url.search.slice(1));
    if (!rawBody) return query;
    const isJson = (req.headers["content-type"] ?? "").includes("application/json");
    try {
      return { ...query, ...(isJson ? JSON.parse(rawBody) : parseFormBody(rawBody)) };
    } catch {
      throw invalidRequest(400, "Invalid request body: could not be parsed as JSON.");
    }
  }

  route(ctx) {
    const { method } = ctx.req;
    for (const route of this.routes) {
      const match = route.method === method && route.regex.exec(ctx.url.pathname);
      if (match) {
        ctx.id = match[1] && decodeURIComponent(match[1]);
        const body = route.handler(ctx);
        return { status: 200, body };
      }
    }
    throw invalidRequest(404, `Unrecognized request URL (${method}: ${ctx.url.pathname}).`);
  }

  // Stripe scopes idempotency keys per account (here: per API key). The same key with the
  // same endpoint and parameters replays the first answer; anything else is an error.
  idempotencySlot(ctx) {
    return ctx.idempotencyKey ? `${ctx.apiKey}\n${ctx.idempotencyKey}` : undefined;
  }

  findIdempotentReplay(ctx) {
    const saved = this.idempotentResults.get(this.idempotencySlot(ctx));
    if (!saved) return undefined;
    if (saved.path !== ctx.url.pathname || saved.rawBody !== ctx.rawBody) {
      throw new ApiError(400, {
        type: "idempotency_error",
        message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${ctx.idempotencyKey}' if you meant to execute a different request.`,
      });
    }
    return { status: saved.status, body: saved.body };
  }

  rememberIdempotentResult(ctx, { status, body }) {
    const slot = this.idempotencySlot(ctx);
    if (!slot) return;
    this.idempotentResults.set(slot, { path: ctx.url.pathname, rawBody: ctx.rawBody, status, body });
  }

  // ----- Views -----

  presentIntent(intent, ctx) {
    const snapshot = structuredClone(intent);
    if (ctx.keyKind === "secret") return snapshot;
    return Object.fromEntries(CLIENT_VISIBLE_INTENT_FIELDS.map((field) => [field, snapshot[field] ?? null]));
  }

  findIntent(id) {
    const intent = this.intents.get(id);
    if (!intent) throw noSuch("payment_intent", id);
    return intent;
  }

  // ----- PaymentIntents -----

  createPaymentIntent(ctx) {
    requireSecretKey(ctx);
    const { params } = ctx;
    rejectUnknownParams(params, INTENT_CREATE_PARAMS);
    const id = newId("pi");
    const intent = {
      id,
      object: "payment_intent",
      amount: readInteger(params, "amount", { required: true }),
      amount_capturable: 0,
      amount_details: { tip: {} },
      amount_received: 0,
      application: null,
      application_fee_amount: null,
      automatic_payment_methods: params.automatic_payment_methods
        ? { enabled: isTrue(params.automatic_payment_methods.enabled) }
        : null,
      canceled_at: null,
      cancellation_reason: null,
      capture_method: readEnum(params, "capture_method", CAPTURE_METHODS) ?? "automatic_async",
      client_secret: `${id}_secret_${randomToken(25)}`,
      confirmation_method: "automatic",
      created: nowInSeconds(),
      currency: readCurrency(params, { required: true }),
      customer: this.readCustomerId(params),
      customer_account: null,
      description: params.description ?? null,
      excluded_payment_method_types: params.excluded_payment_method_types ?? null,
      last_payment_error: null,
      latest_charge: null,
      livemode: false,
      metadata: mergeMetadata({}, params.metadata),
      next_action: null,
      on_behalf_of: params.on_behalf_of ?? null,
      payment_method: null,
      payment_method_options: params.payment_method_options ?? {},
      ...readPaymentMethodTypes(params, { allowed_payment_method_types: null, payment_method_types: ["card"] }),
      processing: null,
      receipt_email: params.receipt_email ?? null,
      review: null,
      setup_future_usage: params.setup_future_usage ?? null,
      shipping: params.shipping ?? null,
      source: null,
      statement_descriptor: params.statement_descriptor ?? null,
      statement_descriptor_suffix: params.statement_descriptor_suffix ?? null,
      status: "requires_payment_method",
      transfer_data: null,
      transfer_group: params.transfer_group ?? null,
    };
    if (params.payment_method) {
      intent.payment_method = this.resolvePaymentMethod(params.payment_method).paymentMethod.id;
      intent.status = "requires_confirmation";
    }
    this.intents.set(id, intent);
    if (isTrue(params.confirm)) this.confirm(intent, ctx);
    return this.presentIntent(intent, ctx);
  }

  retrievePaymentIntent(ctx) {
    const intent = this.findIntent(ctx.id);
    requireIntentAccess(ctx, intent);
    return this.presentIntent(intent, ctx);
  }

  updatePaymentIntent(ctx) {
    requireSecretKey(ctx);
    const { params } = ctx;
    rejectUnknownParams(params, INTENT_UPDATE_PARAMS);
    const intent = this.findIntent(ctx.id);
    const changesPaymentDetails = Object.keys(params).some((name) => !FIELDS_UPDATABLE_IN_ANY_STATE.includes(name));
    if (changesPaymentDetails && !UPDATABLE_STATES.includes(intent.status)) {
      throw unexpectedState(this.presentIntent(intent, ctx), UPDATABLE_STATES, "update");
    }
    // Everything is validated before anything changes: a rejected update leaves the intent as it was.
    const changes = {
      amount: readInteger(params, "amount"),
      currency: readCurrency(params),
      capture_method: readEnum(params, "capture_method", CAPTURE_METHODS),
      customer: params.customer === undefined ? undefined : this.readCustomerId(params),
      metadata: mergeMetadata(intent.metadata, params.metadata),
      payment_method: params.payment_method ? this.resolvePaymentMethod(params.payment_method).paymentMethod.id : undefined,
    };
    for (const field of PLAIN_UPDATE_FIELDS) {
      if (params[field] !== undefined) changes[field] = params[field] === "" ? null : params[field];
    }
    Object.assign(changes, readPaymentMethodTypes(params, {}));
    for (const [field, value] of Object.entries(changes)) {
      if (value !== undefined) intent[field] = value;
    }
    // An authentication done for the old amount or card no longer applies.
    if (changesPaymentDetails && intent.status === "requires_action") {
      intent.status = "requires_confirmation";
      intent.next_action = null;
    }
    if (params.payment_method && intent.status === "requires_payment_method") {
      intent.status = "requires_confirmation";
    }
    return this.presentIntent(intent, ctx);
  }

  confirmPaymentIntent(ctx) {
    rejectUnknownParams(ctx.params, INTENT_CONFIRM_PARAMS);
    const intent = this.findIntent(ctx.id);
    requireIntentAccess(ctx, intent);
    this.confirm(intent, ctx);
    return this.presentIntent(intent, ctx);
  }

  capturePaymentIntent(ctx) {
    requireSecretKey(ctx);
    rejectUnknownParams(ctx.params, INTENT_CAPTURE_PARAMS);
    const intent = this.findIntent(ctx.id);
    if (intent.status !== "requires_capture") throw unexpectedState(this.presentIntent(intent, ctx), ["requires_capture"], "capture");
    const amountToCapture = readInteger(ctx.params, "amount_to_capture") ?? intent.amount_capturable;
    if (amountToCapture > intent.amount_capturable) {
      const message = `The amount to capture (${amountToCapture}) is greater than the amount capturable (${intent.amount_capturable}).`;
      throw invalidRequest(400, message, { code: "amount_too_large", param: "amount_to_capture" });
    }
    intent.metadata = mergeMetadata(intent.metadata, ctx.params.metadata);
    intent.amount_received = amountToCapture;
    intent.amount_capturable = 0;
    intent.status = "succeeded";
    this.queueEvent(ctx, "payment_intent.succeeded", intent);
    return this.presentIntent(intent, ctx);
  }

  cancelPaymentIntent(ctx) {
    requireSecretKey(ctx);
    rejectUnknownParams(ctx.params, ["cancellation_reason", "expand"]);
    const intent = this.findIntent(ctx.id);
    if (FINAL_STATES.includes(intent.status)) {
      throw unexpectedState(this.presentIntent(intent, ctx), CANCELABLE_STATES, "cancel");
    }
    intent.cancellation_reason = readEnum(ctx.params, "cancellation_reason", CANCELLATION_REASONS) ?? null;
    intent.canceled_at = nowInSeconds();
    intent.amount_capturable = 0;
    intent.next_action = null;
    intent.status = "canceled";
    this.queueEvent(ctx, "payment_intent.canceled", intent);
    return this.presentIntent(intent, ctx);
  }

  /** A refund of a succeeded PaymentIntent, in full or in part (never more than was received). */
  createRefund(ctx) {
    requireSecretKey(ctx);
    rejectUnknownParams(ctx.params, ["payment_intent", "amount", "reason", "metadata", "expand"]);
    if (!ctx.params.payment_intent) throw invalidRequest(400, "Missing required param: payment_intent.", { code: "parameter_missing", param: "payment_intent" });
    const intent = this.findIntent(String(ctx.params.payment_intent));
    if (intent.status !== "succeeded") {
      throw invalidRequest(400, `This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, { code: "charge_not_refundable" });
    }
    const alreadyRefunded = [...this.refunds.values()].filter((refund) => refund.payment_intent === intent.id).reduce((sum, refund) => sum + refund.amount, 0);
    const remaining = intent.amount_received - alreadyRefunded;
    if (remaining <= 0) {
      // Stripe refuses any further refund of a charge refunded in full, whatever the amount asked.
      throw invalidRequest(400, `Charge ${intent.latest_charge} has already been refunded.`, { code: "charge_already_refunded" });
    }
    const amount = readInteger(ctx.params, "amount") ?? remaining;
    if (amount > remaining) {
      throw invalidRequest(400, `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining}).`, { code: "amount_too_large", param: "amount" });
    }
    const refund = {
      id: newId("re"),
      object: "refund",
      amount,
      currency: intent.currency,
      payment_intent: intent.id,
      reason: ctx.params.reason ?? null,
      metadata: mergeMetadata({}, ctx.params.metadata),
      status: "succeeded",
      created: nowInSeconds(),
    };
    this.refunds.set(refund.id, refund);
    this.queueEvent(ctx, "charge.refunded", this.chargeOf(intent));
    return refund;
  }

  /** The charge of a succeeded PaymentIntent as Stripe shows it (refund totals included). */
  chargeOf(intent) {
    const amountRefunded = [...this.refunds.values()].filter((refund) => refund.payment_intent === intent.id).reduce((sum, refund) => sum + refund.amount, 0);
    return {
      id: intent.latest_charge,
      object: "charge",
      amount: intent.amount,
      amount_captured: intent.amount_received,
      amount_refunded: amountRefunded,
      captured: intent.status === "succeeded",
      currency: intent.currency,
      disputed: this.disputes.has(intent.id),
      metadata: structuredClone(intent.metadata),
      paid: true,
      payment_intent: intent.id,
      refunded: amountRefunded >= intent.amount_received && intent.amount_received > 0,
      status: "succeeded",
    };
  }

  /** Emulator-only: the shopper's bank disputes the charge (charge.dispute.created). */
  disputePaymentIntent(ctx) {
    requireSecretKey(ctx);
    rejectUnknownParams(ctx.params, ["reason"]);
    const intent = this.findIntent(ctx.id);
    if (intent.status !== "succeeded") throw unexpectedState(this.presentIntent(intent, ctx), ["succeeded"], "dispute");
    const dispute = {
      id: newId("dp"),
      object: "dispute",
      amount: intent.amount_received,
      charge: intent.latest_charge,
      currency: intent.currency,
      payment_intent: intent.id,
      reason: ctx.params.reason ?? "fraudulent",
      status: "needs_response",
      created: nowInSeconds(),
    };
    this.disputes.set(intent.id, dispute);
    this.queueEvent(ctx, "charge.dispute.created", dispute);
    return dispute;
  }

  /** Refunds, newest first, optionally of one PaymentIntent (no paging: the emulator holds few). */
  listRefunds(ctx) {
    requireSecretKey(ctx);
    const intentId = ctx.url.searchParams.get("payment_intent");
    const data = [...this.refunds.values()].filter((refund) => !intentId || refund.payment_intent === intentId).reverse();
    return { object: "list", data, has_more: false, url: "/v1/refunds" };
  }

  retrieveRefund(ctx) {
    requireSecretKey(ctx);
    const refund = this.refunds.get(ctx.id);
    if (!refund) throw invalidRequest(404, `No such refund: '${ctx.id}'`, { code: "resource_missing", param: "id" });
    return refund;
  }

  /** Emulator-only: finishes the 3-D Secure challenge the Stripe.js stand-in shows. */
  authenticatePaymentIntent(ctx) {
    rejectUnknownParams(ctx.params, ["result", "client_secret", "key"]);
    const intent = this.findIntent(ctx.id);
    requireIntentAccess(ctx, intent);
    const result = readEnum(ctx.params, "result", ["complete", "fail"]);
    if (!result) throw missingParam("result");
    if (intent.status !== "requires_action") throw unexpectedState(this.presentIntent(intent, ctx), ["requires_action"], "authenticate");
    intent.next_action = null;
    if (result === "complete") {
      this.settleSuccessfulPayment(intent, ctx);
    } else {
      const paymentMethod = this.paymentMethods.get(intent.payment_method)?.paymentMethod ?? null;
      this.failPayment(intent, ctx, {
        type: "invalid_request_error",
        code: "payment_intent_authentication_failure",
        message: AUTHENTICATION_FAILURE_MESSAGE,
        payment_method: structuredClone(paymentMethod),
      });
    }
    return this.presentIntent(intent, ctx);
  }

  // ----- Confirmation rules -----

  confirm(intent, ctx) {
    if (!CONFIRMABLE_STATES.includes(intent.status)) throw unexpectedState(this.presentIntent(intent, ctx), CONFIRMABLE_STATES, "confirm");
    const { params } = ctx;
    const captureMethod = readEnum(params, "capture_method", CAPTURE_METHODS);
    const record = this.paymentMethodForConfirmation(intent, params);
    if (captureMethod) intent.capture_method = captureMethod;
    for (const field of ["receipt_email", "setup_future_usage", "shipping"]) {
      if (params[field] !== undefined) intent[field] = params[field];
    }
    intent.payment_method = record.paymentMethod.id;
    intent.last_payment_error = null;
    intent.next_action = null;

    const { outcome, declineCode } = record.behavior;
    const mustNotPrompt = isTrue(params.off_session) || isTrue(params.error_on_requires_action);
    if (outcome === "success") {
      this.settleSuccessfulPayment(intent, ctx);
    } else if (outcome === "authenticate" && !mustNotPrompt) {
      this.requireAuthentication(intent, ctx);
    } else {
      const code = outcome === "authenticate" ? "authentication_required" : declineCode;
      this.declineCard(intent, ctx, record, code);
    }
  }

  paymentMethodForConfirmation(intent, params) {
    if (params.payment_method) return this.resolvePaymentMethod(params.payment_method);
    if (params.payment_method_data) return this.storePaymentMethod(params.payment_method_data);
    if (intent.payment_method) return this.resolvePaymentMethod(intent.payment_method);
    throw new ApiError(400, {
      type: "invalid_request_error",
      code: "payment_intent_unexpected_state",
      message: "You cannot confirm this PaymentIntent because it's missing a payment method. Update the PaymentIntent with a payment method and then confirm it again.",
    });
  }

  settleSuccessfulPayment(intent, ctx) {
    intent.latest_charge = newId("ch");
    if (intent.capture_method === "manual") {
      intent.status = "requires_capture";
      intent.amount_capturable = intent.amount;
      this.queueEvent(ctx, "payment_intent.amount_capturable_updated", intent);
    } else {
      intent.status = "succeeded";
      intent.amount_received = intent.amount;
      this.queueEvent(ctx, "payment_intent.succeeded", intent);
    }
  }

  requireAuthentication(intent, ctx) {
    intent.status = "requires_action";
    intent.next_action = {
      type: "use_stripe_sdk",
      use_stripe_sdk: {
        type: "three_d_secure_redirect",
        source: newId("src"),
        // Where the Stripe.js stand-in finishes the challenge (emulator-only endpoint).
        stripe_js: `${this.baseUrl}/v1/payment_intents/${intent.id}/_authenticate`,
      },
    };
    this.queueEvent(ctx, "payment_intent.requires_action", intent);
  }

  failPayment(intent, ctx, lastPaymentError) {
    intent.status = "requires_payment_method";
    intent.payment_method = null; // Stripe detaches the failed card; it stays in last_payment_error
    intent.last_payment_error = lastPaymentError;
    this.queueEvent(ctx, "payment_intent.payment_failed", intent);
  }

  declineCard(intent, ctx, { paymentMethod }, declineCode) {
    const charge = newId("ch");
    intent.latest_charge = charge;
    const error = {
      type: "card_error",
      code: "card_declined",
      decline_code: declineCode,
      message: DECLINE_MESSAGES[declineCode] ?? DECLINE_MESSAGES.generic_decline,
      charge,
      doc_url: "https://stripe.com/docs/error-codes/card-declined",
      payment_method: structuredClone(paymentMethod),
    };
    if (declineCode === "authentication_required") error.code = "authentication_required";
    this.failPayment(intent, ctx, error);
    throw new ApiError(402, { ...error, payment_intent: this.presentIntent(intent, ctx) }, { rememberForIdempotency: true });
  }

  // ----- PaymentMethods -----

  createPaymentMethod(ctx) {
    rejectUnknownParams(ctx.params, PAYMENT_METHOD_CREATE_PARAMS);
    const { paymentMethod } = this.storePaymentMethod(ctx.params);
    return structuredClone(paymentMethod);
  }

  retrievePaymentMethod(ctx) {
    requireSecretKey(ctx);
    const record = this.paymentMethods.get(ctx.id);
    if (!record) throw noSuch("PaymentMethod", ctx.id);
    return structuredClone(record.paymentMethod);
  }

  resolvePaymentMethod(idOrToken) {
    const tokenCardNumber = TEST_PAYMENT_METHOD_TOKENS[idOrToken];
    // Like Stripe, a test token becomes a fresh PaymentMethod with its own pm_ id.
    if (tokenCardNumber) {
      const expYear = String(new Date().getFullYear() + 5);
      return this.storePaymentMethod({ type: "card", card: { number: tokenCardNumber, exp_month: "12", exp_year: expYear, cvc: "123" } });
    }
    const record = this.paymentMethods.get(idOrToken);
    if (!record) throw noSuch("PaymentMethod", idOrToken, "payment_method");
    return record;
  }

  storePaymentMethod(params) {
    if (!params.type) throw missingParam("type");
    if (params.type !== "card") {
      throw invalidRequest(400, `The emulator supports only payment method type "card", got "${params.type}".`, { param: "type" });
    }
    const card = params.card ?? {};
    const number = String(card.number ?? "").replace(/[\s-]/g, "");
    if (!number) throw missingParam("card[number]");
    if (!passesLuhnCheck(number)) throw cardError("incorrect_number", "Your card number is incorrect.", "number");
    const expMonth = Number(card.exp_month);
    const expYear = Number(card.exp_year);
    if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12) {
      throw cardError("invalid_expiry_month", "Your card's expiration month is invalid.", "exp_month");
    }
    if (!Number.isInteger(expYear) || expYear < new Date().getFullYear()) {
      throw cardError("invalid_expiry_year", "Your card's expiration year is invalid.", "exp_year");
    }
    if (card.cvc !== undefined && !/^\d{3,4}$/.test(card.cvc)) {
      throw cardError("invalid_cvc", "Your card's security code is invalid.", "cvc");
    }
    const behavior = behaviorOfCard(number);
    const billing = params.billing_details ?? {};
    const paymentMethod = {
      id: newId("pm"),
      object: "payment_method",
      type: "card",
      billing_details: {
        address: { city: null, country: null, line1: null, line2: null, postal_code: null, state: null, ...billing.address },
        email: billing.email ?? null,
        name: billing.name ?? null,
        phone: billing.phone ?? null,
      },
      card: {
        brand: behavior.brand,
        checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: card.cvc ? "pass" : null },
        country: "US",
        exp_month: expMonth,
        exp_year: expYear,
        fingerprint: randomToken(16),
        funding: "credit",
        last4: number.slice(-4),
        three_d_secure_usage: { supported: true },
      },
      created: nowInSeconds(),
      customer: null,
      livemode: false,
      metadata: mergeMetadata({}, params.metadata),
    };
    const record = { paymentMethod, behavior };
    this.paymentMethods.set(paymentMethod.id, record);
    return record;
  }

  // ----- Customers (enough for an intent's `customer`) -----

  createCustomer(ctx) {
    requireSecretKey(ctx);
    rejectUnknownParams(ctx.params, ["email", "name", "phone", "description", "metadata", "address", "shipping", "expand"]);
    const { params } = ctx;
    const customer = {
      id: newId("cus"),
      object: "customer",
      address: params.address ?? null,
      created: nowInSeconds(),
      description: params.description ?? null,
      email: params.email ?? null,
      livemode: false,
      metadata: mergeMetadata({}, params.metadata),
      name: params.name ?? null,
      phone: params.phone ?? null,
      shipping: params.shipping ?? null,
    };
    this.customers.set(customer.id, customer);
    return structuredClone(customer);
  }

  retrieveCustomer(ctx) {
    requireSecretKey(ctx);
    const customer = this.customers.get(ctx.id);
    if (!customer) throw noSuch("customer", ctx.id);
    return structuredClone(customer);
  }

  readCustomerId(params) {
    if (!params.customer) return null;
    if (!this.customers.has(params.customer)) throw noSuch("customer", params.customer, "customer");
    return params.customer;
  }

  // ----- Events and webhooks -----

  retrieveEvent(ctx) {
    requireSecretKey(ctx);
    const event = this.events.find((candidate) => candidate.id === ctx.id);
    if (!event) throw noSuch("event", ctx.id);
    return structuredClone(event);
  }

  createEvent(type, intent, request = {}) {
    const event = {
      id: newId("evt"),
      object: "event",
      api_version: DEFAULT_API_VERSION,
      created: nowInSeconds(),
      data: { object: structuredClone(intent) },
      livemode: false,
      pending_webhooks: this.webhooksEnabled() ? 1 : 0,
      request: { id: request.id ?? null, idempotency_key: request.idempotencyKey ?? null },
      type,
    };
    this.events.push(event);
    return event;
  }

  queueEvent(ctx, type, intent) {
    const event = this.createEvent(type, intent, { id: ctx.requestId, idempotencyKey: ctx.idempotencyKey });
    ctx.pendingEvents.push(event);
  }

  webhooksEnabled() {
    return Boolean(this.webhookUrl && this.webhookSecret);
  }

  dispatchEvent(event) {
    if (!this.webhooksEnabled()) return Promise.resolve(undefined);
    const delivery = {
      eventId: event.id,
      type: event.type,
      intentId: event.data.object.id,
      status: "pending", // → "delivered" | "failed"
      attempts: 0,
      responseStatus: null,
      error: null,
    };
    this.deliveries.push(delivery);
    const inFlight = this.deliver(event, delivery).finally(() => this.deliveriesInFlight.delete(inFlight));
    this.deliveriesInFlight.add(inFlight);
    return inFlight;
  }

  async deliver(event, delivery) {
    const payload = JSON.stringify(event, null, 2);
    while (delivery.attempts < this.webhookMaxAttempts && !this.shutdown.signal.aborted) {
      delivery.attempts += 1;
      try {
        // Each attempt is signed afresh, as Stripe does, so the timestamp stays within tolerance.
        const signature = signWebhookPayload(payload, this.webhookSecret);
        const status = await postJson(this.webhookUrl, { "stripe-signature": signature }, payload, this.shutdown.signal);
        delivery.responseStatus = status;
        if (status >= 200 && status < 300) {
          delivery.status = "delivered";
          delivery.error = null;
          this.log(`webhook ${event.type} ${event.id} → ${status}`);
          return delivery;
        }
        delivery.error = `HTTP ${status}`;
      } catch (error) {
        delivery.error = error.message;
      }
      this.log(`webhook ${event.type} ${event.id} attempt ${delivery.attempts} failed: ${delivery.error}`);
      if (delivery.attempts < this.webhookMaxAttempts) {
        await sleep(this.webhookRetryDelayMs * 2 ** (delivery.attempts - 1), undefined, { signal: this.shutdown.signal }).catch(() => {});
      }
    }
    delivery.status = "failed";
    return delivery;
  }

  /** Re-sends the last `type` event of the intent (a true duplicate), or a new one from its current state. */
  deliverEvent(type, intentId, { fresh = false } = {}) {
    if (!this.webhooksEnabled()) throw new Error("deliverEvent needs webhookUrl and webhookSecret");
    const intent = this.findIntent(intentId);
    const previous = this.events.findLast((event) => event.type === type && event.data.object.id === intentId);
    return this.dispatchEvent(fresh || !previous ? this.createEvent(type, intent) : previous);
  }

  async waitForDeliveries() {
    while (this.deliveriesInFlight.size > 0) await Promise.allSettled([...this.deliveriesInFlight]);
    return this.deliveries;
  }

  tamperIntent(id, fields) {
    const intent = this.findIntent(id);
    Object.assign(intent, structuredClone(fields));
    return structuredClone(intent);
  }
}

function readRequestBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("Request body too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res, status, body) {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/**
 * Starts the emulator.
 * @param {{ port?: number, host?: string, webhookUrl?: string, webhookSecret?: string,
 *   webhookMaxAttempts?: number, webhookRetryDelayMs?: number, log?: (line: string) => void }} [options]
 */
export async function startStripeEmulator({
  port = 0,
  host = "127.0.0.1",
  webhookUrl,
  webhookSecret,
  webhookMaxAttempts,
  webhookRetryDelayMs,
  log,
} = {}) {
  const emulator = new StripeEmulator({ webhookUrl, webhookSecret, webhookMaxAttempts, webhookRetryDelayMs, log });
  const server = createServer((req, res) => {
    emulator.handleHttp(req, res).catch((error) => {
      console.error("stripe emulator: request failed", error);
      if (!res.headersSent) sendJson(res, 500, { error: { type: "api_error", message: "emulator failure" } });
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const actualPort = server.address().port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  emulator.baseUrl = `http://${urlHost}:${actualPort}`;

  return {
    url: emulator.baseUrl,
    port: actualPort,
    intents: emulator.intents,
    refunds: emulator.refunds,
    events: emulator.events,
    deliveries: emulator.deliveries,
    setWebhookUrl(url, secret = emulator.webhookSecret) {
      emulator.webhookUrl = url;
      emulator.webhookSecret = secret;
    },
    tamperIntent: (id, fields) => emulator.tamperIntent(id, fields),
    deliverEvent: (type, intentId, options) => emulator.deliverEvent(type, intentId, options),
    waitForDeliveries: () => emulator.waitForDeliveries(),
    async close() {
      emulator.shutdown.abort();
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await emulator.waitForDeliveries();
    },
  };
}

// ---------------------------------------------------------------------------
// CLI: node tests/stripe-emulator/emulator.mjs --port 12111 --webhook-url … --webhook-secret …
// ---------------------------------------------------------------------------

async function runCli() {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "12111" },
      host: { type: "string", default: "127.0.0.1" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  });
  const emulator = await startStripeEmulator({
    port: Number(values.port),
    host: values.host,
    webhookUrl: values["webhook-url"],
    webhookSecret: values["webhook-secret"],
    log: values.quiet ? undefined : (line) => console.log(`[stripe] ${line}`),
  });
  console.log(`stripe emulator listening on ${emulator.url}`);
  const stop = () => emulator.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runCli().catch((error) => {
    console.error(`stripe emulator failed to start: ${error.message}`);
    process.exit(1);
  });
}
