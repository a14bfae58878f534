// Property-based fuzzing of the Store API and the Stripe webhook (fast-check). Requests are drawn
// from every route with ids that exist and ids that do not, bodies that are valid, nearly valid and
// hostile (control characters, deep nesting, wrong types, huge strings, wrong media types), and
// signed or unsigned webhook payloads of any shape. The properties:
//   1. never a 5xx, and every error is JSON {type, message}
//   2. a refused request (4xx) changes nothing: the whole database hashes the same before and after
// Used by tests/api/fuzz.test.ts (CI size) and scripts/fuzz.ts (`npm run fuzz`, longer).
import { createHash } from "node:crypto";
import http from "node:http";
import fc from "fast-check";
import Stripe from "stripe";
import type { Db } from "../../lib/db/client";

export type FuzzRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** What the request is, for the report of a failure. */
  label: string;
};

export type FuzzAnswer = { status: number; text: string; json: any };

export type FuzzFixtures = {
  /** Carts in different states: open with items, ready to pay, completed. */
  cartIds: string[];
  lineIds: string[];
  variantIds: string[];
  regionIds: string[];
  productIds: string[];
  orderIds: string[];
  webhookSecret: string | null;
  /** A signed-in shopper's bearer token, so the account routes are fuzzed past sign-in too. */
  customerToken: string | null;
  addressIds: string[];
};

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

const hostileStrings = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\u0007\u001b[31m",
  "\ud800",
  "'; DROP TABLE \"Cart\"; --",
  "%00",
  "%zz",
  "../../etc/passwd",
  "€".repeat(300),
  "x".repeat(5_000),
  "😀",
  "\u202e",
  "null",
  "__proto__",
  "constructor",
];

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
);

/** JSON text nested `depth` levels (written out: JSON.stringify gives up near 4,000 levels). */
const deepJson = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

const jsonValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(text, tie("value"), { maxKeys: 4 }),
  ),
})).value;

function idOf(ids: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: ids.length ? fc.constantFrom(...ids) : fc.constant("none") },
    { weight: 1, arbitrary: text.filter((value) => value.length > 0) },
  );
}

const emailArb = fc.oneof(fc.emailAddress(), text, fc.constant("fuzz-shopper@example.com"));
const passwordArb = fc.oneof(fc.constant("correct horse battery staple"), text);

const quantity = fc.oneof(fc.integer({ min: -5, max: 20 }), fc.constantFrom(0, 1, 10_001, 1.5, -0, 2 ** 53, "2", null) as fc.Arbitrary<unknown>);

// ---------------------------------------------------------------------------------------------
// Bodies per route: valid shapes, mutated shapes and noise
// ---------------------------------------------------------------------------------------------

function addressArb(): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    {
      first_name: text,
      last_name: text,
      address_1: text,
      city: text,
      postal_code: text,
      country_code: fc.constantFrom("de", "us", "fr", "DE", "xx", "", "d\u0000"),
      phone: text,
      metadata: fc.oneof(fc.dictionary(text, jsonValue, { maxKeys: 3 }), fc.constant(null)),
      company: text,
    },
    { requiredKeys: [] },
  );
}

function bodyFor(route: string, fixtures: FuzzFixtures): fc.Arbitrary<unknown> {
  const variant = idOf(fixtures.variantIds);
  switch (route) {
    case "createCart":
      return fc.record({ region_id: idOf(fixtures.regionIds), country_code: text, items: fc.array(fc.record({ variant_id: variant, quantity }), { maxLength: 3 }) }, { requiredKeys: [] });
    case "updateCart":
      return fc.record(
        {
          email: fc.oneof(fc.emailAddress(), text),
          shipping_address: addressArb(),
          billing_address: addressArb(),
          region_id: idOf(fixtures.regionIds),
          discounts: fc.array(fc.record({ code: fc.oneof(fc.constantFrom("WELCOME10", "EURO5"), text) }), { maxLength: 2 }),
          gift_cards: fc.array(fc.record({ code: text }), { maxLength: 1 }),
        },
        { requiredKeys: [] },
      );
    case "addLine":
      return fc.record({ variant_id: variant, quantity }, { requiredKeys: [] });
    case "updateLine":
      return fc.record({ quantity }, { requiredKeys: [] });
    case "selectSession":
      return fc.record({ provider_id: fc.oneof(fc.constantFrom("manual", "stripe", "paypal"), text) }, { requiredKeys: [] });
    case "updateSession":
      return fc.record({ data: fc.oneof(fc.dictionary(text, jsonValue, { maxKeys: 3 }), jsonValue) }, { requiredKeys: [] });
    case "register":
      return fc.record({ email: emailArb, password: passwordArb, first_name: text, last_name: text, phone: text }, { requiredKeys: [] });
    case "signIn":
    case "token":
      return fc.record({ email: emailArb, password: passwordArb }, { requiredKeys: [] });
    case "updateMe":
      return fc.record({ first_name: text, last_name: text, phone: text, email: emailArb, password: passwordArb, metadata: fc.dictionary(text, jsonValue, { maxKeys: 3 }), billing_address: addressArb() }, { requiredKeys: [] });
    case "addAddress":
      return fc.record({ address: addressArb() }, { requiredKeys: [] });
    case "updateAddress":
      return addressArb();
    case "passwordToken":
      return fc.record({ email: emailArb }, { requiredKeys: [] });
    case "passwordReset":
      return fc.record({ email: emailArb, token: text, password: passwordArb }, { requiredKeys: [] });
    case "claimRequest":
      return fc.record({ order_ids: fc.array(idOf(fixtures.orderIds), { maxLength: 3 }) }, { requiredKeys: [] });
    case "claimConfirm":
      return fc.record({ token: text }, { requiredKeys: [] });
    case "addShipping":
      return fc.record({ option_id: fc.oneof(fc.constantFrom("so_eu_standard", "so_eu_express", "so_us_express", "so_eu_return"), text), data: jsonValue }, { requiredKeys: [] });
    default:
      return fc.oneof(fc.constant({}), fc.dictionary(text, jsonValue, { maxKeys: 2 }));
  }
}

type RouteSpec = { name: string; method: string; path: (pick: (ids: string[]) => fc.Arbitrary<string>) => fc.Arbitrary<string>; body: boolean };

/** A path segment for any text; a lone surrogate cannot travel in a URL, so it arrives as U+FFFD. */
const pathSegment = (value: string) =>
  encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));

function storeRoutes(fixtures: FuzzFixtures): RouteSpec[] {
  const enc = (arb: fc.Arbitrary<string>) => arb.map(pathSegment);
  const cart = enc(idOf(fixtures.cartIds));
  const line = enc(idOf(fixtures.lineIds));
  const provider = enc(fc.oneof(fc.constantFrom("manual", "stripe"), text));
  const query = fc.array(fc.tuple(fc.constantFrom("limit", "offset", "region_id", "cart_id", "currency_code", "handle", "is_return", "expand", "fields"), fc.oneof(text, fc.integer().map(String))), { maxLength: 3 })
    .map((pairs) => (pairs.length ? `?${new URLSearchParams(pairs).toString()}` : ""));
  const path = (parts: fc.Arbitrary<string>[], build: (...values: string[]) => string) => () => fc.tuple(...parts).map((values) => build(...values));
  return [
    { name: "listRegions", method: "GET", path: path([query], (q) => `/api/store/regions${q}`), body: false },
    { name: "getRegion", method: "GET", path: path([enc(idOf(fixtures.regionIds))], (id) => `/api/store/regions/${id}`), body: false },
    { name: "listProducts", method: "GET", path: path([query], (q) => `/api/store/products${q}`), body: false },
    { name: "getProduct", method: "GET", path: path([enc(idOf(fixtures.productIds)), query], (id, q) => `/api/store/products/${id}${q}`), body: false },
    { name: "listShippingOptions", method: "GET", path: path([query], (q) => `/api/store/shipping-options${q}`), body: false },
    { name: "cartShippingOptions", method: "GET", path: path([cart], (id) => `/api/store/shipping-options/${id}`), body: false },
    { name: "getCart", method: "GET", path: path([cart], (id) => `/api/store/carts/${id}`), body: false },
    { name: "getOrder", method: "GET", path: path([enc(idOf(fixtures.orderIds))], (id) => `/api/store/orders/${id}`), body: false },
    { name: "getOrderOfCart", method: "GET", path: path([cart], (id) => `/api/store/orders/cart/${id}`), body: false },
    { name: "createCart", method: "POST", path: path([], () => "/api/store/carts"), body: true },
    { name: "updateCart", method: "POST", path: path([cart], (id) => `/api/store/carts/${id}`), body: true },
    { name: "addLine", method: "POST", path: path([cart], (id) => `/api/store/carts/${id}/line-items`), body: true },
    { name: "updateLine", method: "POST", path: path([cart, line], (id, lineId) => `/api/store/carts/${id}/line-items/${lineId}`), body: true },
    { name: "deleteLine", method: "DELETE", path: path([cart, line], (id, lineId) => `/api/store/carts/${id}/line-items/${lineId}`), body: true },
    { name: "createSessions", method: "POST", path: path([cart], (id) => `/api/store/carts/${id}/payment-sessions`), body: true },
    { name: "selectSession", method: "POST", path: path([cart], (id) => `/api/store/carts/${id}/payment-session`), body: true },
    { name: "updateSession", method: "POST", path: path([cart, provider], (id, p) => `/api/store/carts/${id}/payment-sessions/${p}`), body: true },
    { name: "refreshSession", method: "POST", path: path([cart, provider], (id, p) => `/api/store/carts/${id}/payment-sessions/${p}/refresh`), body: true },
    { name: "deleteSession", method: "DELETE", path: path([cart, provider], (id, p) => `/api/store/carts/${id}/payment-sessions/${p}`), body: true },
    { name: "addShipping", method: "POST", path: path([cart], (id) => `/api/store/carts/${id}/shipping-methods`), body: true },
    { name: "complete", method: "POST", path: path([cart], (id) => `/api/store/carts/${id}/complete`), body: true },
    { name: "register", method: "POST", path: path([], () => "/api/store/customers"), body: true },
    { name: "signIn", method: "POST", path: path([], () => "/api/store/auth"), body: true },
    { name: "session", method: "GET", path: path([], () => "/api/store/auth"), body: false },
    { name: "signOut", method: "DELETE", path: path([], () => "/api/store/auth"), body: true },
    { name: "emailExists", method: "GET", path: path([enc(emailArb)], (email) => `/api/store/auth/${email}`), body: false },
    { name: "token", method: "POST", path: path([], () => "/api/store/auth/token"), body: true },
    { name: "me", method: "GET", path: path([], () => "/api/store/customers/me"), body: false },
    { name: "updateMe", method: "POST", path: path([], () => "/api/store/customers/me"), body: true },
    { name: "myOrders", method: "GET", path: path([query], (q) => `/api/store/customers/me/orders${q}`), body: false },
    { name: "addAddress", method: "POST", path: path([], () => "/api/store/customers/me/addresses"), body: true },
    { name: "updateAddress", method: "POST", path: path([enc(idOf(fixtures.addressIds))], (id) => `/api/store/customers/me/addresses/${id}`), body: true },
    { name: "deleteAddress", method: "DELETE", path: path([enc(idOf(fixtures.addressIds))], (id) => `/api/store/customers/me/addresses/${id}`), body: true },
    { name: "passwordToken", method: "POST", path: path([], () => "/api/store/customers/password-token"), body: true },
    { name: "passwordReset", method: "POST", path: path([], () => "/api/store/customers/password-reset"), body: true },
    { name: "lookupOrder", method: "GET", path: path([text, emailArb], (displayId, email) => `/api/store/orders?${new URLSearchParams({ display_id: displayId, email }).toString()}`), body: false },
    { name: "claimRequest", method: "POST", path: path([], () => "/api/store/orders/batch/customer/token"), body: true },
    { name: "claimConfirm", method: "POST", path: path([], () => "/api/store/orders/customer/confirm"), body: true },
    { name: "unknown", method: "GET", path: path([text.map(pathSegment)], (rest) => `/api/store/${rest}`), body: false },
  ];
}

const contentTypes = fc.oneof(
  { weight: 8, arbitrary: fc.constant("application/json") },
  { weight: 1, arbitrary: fc.constantFrom("application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/JSON") },
);

const methods = fc.oneof({ weight: 12, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH", "TRACE", "OPTIONS", "HEAD") });

/** Any Store API request. */
export function storeRequest(fixtures: FuzzFixtures): fc.Arbitrary<FuzzRequest> {
  const routes = storeRoutes(fixtures);
  return fc.constantFrom(...routes).chain((route) =>
    fc
      .record({
        path: route.path(idOf),
        body: route.body
          ? fc.oneof(
              { weight: 6, arbitrary: bodyFor(route.name, fixtures).map((value) => JSON.stringify(value)) },
              { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "null", '"x"', "{}", deepJson(5_000), deepJson(40), "\u0000") },
              { weight: 1, arbitrary: jsonValue.map((value) => JSON.stringify(value) ?? "") },
            )
          : fc.constant(undefined),
        contentType: contentTypes,
        method: methods,
        idempotencyKey: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })) }),
        signedIn: fc.boolean(),
        clientAddress: fc.integer({ min: 1, max: 250 }),
      })
      .map(({ path, body, contentType, method, idempotencyKey, signedIn, clientAddress }) => {
        // Spread over client addresses, so per-address rate limits do not answer everything.
        const headers: Record<string, string> = { "x-forwarded-for": `10.99.0.${clientAddress}` };
        if (signedIn && fixtures.customerToken) headers.authorization = `Bearer ${fixtures.customerToken}`;
        if (body !== undefined && contentType) headers["content-type"] = contentType;
        if (idempotencyKey && /^[\x20-\x7e]*$/.test(idempotencyKey)) headers["idempotency-key"] = idempotencyKey;
        const verb = method ?? route.method;
        return { method: verb, path, headers, body: verb === "GET" || verb === "HEAD" ? undefined : body, label: route.name };
      }),
  );
}

/** Any webhook delivery: signed (when the secret is known) or not, of any shape. */
export function webhookRequest(fixtures: FuzzFixtures): fc.Arbitrary<FuzzRequest> {
  const intent = fc.record(
    {
      id: fc.oneof(fc.constant("pi_fuzz"), text),
      object: fc.oneof(fc.constant("payment_intent"), text),
      metadata: fc.oneof(fc.record({ resource_id: fc.oneof(idOf(fixtures.cartIds), jsonValue) }, { requiredKeys: [] }), jsonValue),
      amount: fc.oneof(fc.integer(), jsonValue),
      status: fc.oneof(fc.constantFrom("succeeded", "requires_capture", "requires_payment_method"), text),
    },
    { requiredKeys: [] },
  );
  const event = fc.oneof(
    { weight: 4, arbitrary: fc.record({ id: text, object: fc.constant("event"), type: fc.oneof(fc.constantFrom("payment_intent.succeeded", "payment_intent.amount_capturable_updated", "payment_intent.payment_failed", "charge.refunded"), text), data: fc.oneof(fc.record({ object: fc.oneof(intent, jsonValue) }, { requiredKeys: [] }), jsonValue) }, { requiredKeys: [] }).map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: jsonValue.map((value) => JSON.stringify(value) ?? "null") },
    { weight: 1, arbitrary: fc.constantFrom("", "{", "null", "[]", deepJson(5_000)) },
  );
  const stripe = new Stripe("sk_test_fuzz");
  return fc.record({ payload: event, signed: fc.boolean(), forged: fc.boolean() }).map(({ payload, signed, forged }) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signed && fixtures.webhookSecret) headers["stripe-signature"] = stripe.webhooks.generateTestHeaderString({ payload, secret: fixtures.webhookSecret });
    else if (forged) headers["stripe-signature"] = "t=1,v1=00";
    return { method: "POST", path: "/api/stripe/hooks", headers, body: payload, label: signed ? "webhook (signed)" : "webhook" };
  });
}

// ---------------------------------------------------------------------------------------------
// Sending and checking
// ---------------------------------------------------------------------------------------------

export function send(baseUrl: string, request: FuzzRequest): Promise<FuzzAnswer> {
  const base = new URL(baseUrl);
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { host: base.hostname, port: base.port, method: request.method, path: request.path, headers: { ...request.headers, ...(body ? { "content-length": body.byteLength } : {}) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: any = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = undefined;
          }
          resolve({ status: response.statusCode ?? 0, text, json });
        });
      },
    );
    outgoing.setTimeout(60_000, () => outgoing.destroy(new Error(`no answer within 60 s: ${request.method} ${request.path}`)));
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** Property 1: never a 5xx; every error is JSON {type, message}. Returns a problem or null. */
export function answerProblem(request: FuzzRequest, answer: FuzzAnswer): string | null {
  if (answer.status >= 500) return `${answer.status} for ${describe(request)}: ${answer.text.slice(0, 300)}`;
  if (answer.status >= 400 && request.method !== "HEAD") {
    if (typeof answer.json?.type !== "string" || typeof answer.json?.message !== "string") return `${answer.status} without a JSON error for ${describe(request)}: ${answer.text.slice(0, 200)}`;
  }
  return null;
}

export function describe(request: FuzzRequest): string {
  const body = request.body === undefined ? "" : ` body=${JSON.stringify(request.body.slice(0, 200))}${request.body.length > 200 ? "…" : ""}`;
  return `${request.label}: ${request.method} ${request.path.slice(0, 200)} ${JSON.stringify(request.headers)}${body}`;
}

/**
 * Refusals that act on purpose, so the database may differ after them: completing a cart whose
 * stock ran out gives the payment back and replaces the session (lib/commerce/complete-cart.ts).
 */
const ACTING_REFUSALS = new Set(["insufficient_inventory", "amount_mismatch"]);

/** Whether the "refused requests change nothing" property applies to this answer. */
export function isInertRefusal(request: FuzzRequest, answer: FuzzAnswer): boolean {
  if (answer.status < 400 || answer.status === 409) return false;
  return !ACTING_REFUSALS.has(answer.json?.code);
}

// A refusal that carries an Idempotency-Key records its answer for replay (IdempotencyKey), and a
// refused sign-in counts toward its rate limit (RateLimitBucket), both on purpose; every other
// table must be unchanged.
// The outbox dispatcher runs in the background of every instance: it fans events out, records
// deliveries (EventDelivery), keeps mails (MailboxMessage) and marks events delivered, whatever
// request is being refused meanwhile. Of OutboxEvent only what the domain wrote is hashed, so a
// refusal that recorded an event is still caught.
const UNHASHED_TABLES = new Set(["_prisma_migrations", "IdempotencyKey", "RateLimitBucket", "EventDelivery", "MailboxMessage"]);
const HASHED_COLUMNS: Record<string, string> = { OutboxEvent: `"id", "name", "resourceId", "dataJson", "createdAt"` };

/** A hash of every row of every table (except the few above), in primary-key order. */
export async function databaseHash(db: Db, dialect: string): Promise<string> {
  const tables =
    dialect === "postgres"
      ? (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`)).map((row) => row.name)
      : (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)).map((row) => row.name);
  const hash = createHash("sha256");
  for (const table of tables.filter((name) => !UNHASHED_TABLES.has(name))) {
    const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${HASHED_COLUMNS[table] ?? "*"} FROM "${table}" ORDER BY 1`);
    hash.update(table).update(JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value)));
  }
  return hash.digest("hex");
}

export type FuzzTally = { requests: number; serverErrors: number; refusalsHashed: number; problems: string[] };

/**
 * Sequential property run: each request is checked for property 1, and when it is refused, the
 * database hashed before and after must be equal (property 2).
 */
export async function fuzzSequentially(options: { baseUrl: string; db: Db; dialect: string; arbitrary: fc.Arbitrary<FuzzRequest>; runs: number; seed?: number; tally: FuzzTally }) {
  const { baseUrl, db, dialect, arbitrary, runs, tally } = options;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (request) => {
      const before = await databaseHash(db, dialect);
      const answer = await send(baseUrl, request);
      tally.requests++;
      if (answer.status >= 500) tally.serverErrors++;
      const problem = answerProblem(request, answer);
      if (problem) {
        tally.problems.push(problem);
        throw new Error(problem);
      }
      if (isInertRefusal(request, answer)) {
        tally.refusalsHashed++;
        const after = await databaseHash(db, dialect);
        if (after !== before) {
          const message = `the database changed after a refused request (${answer.status} ${answer.text.slice(0, 200)}): ${describe(request)}`;
          tally.problems.push(message);
          throw new Error(message);
        }
      }
    }),
    { numRuns: runs, seed: options.seed, endOnFailure: true, verbose: fc.VerbosityLevel.None },
  );
}

/** Concurrent run over several instances: property 1 only (no hashing while requests overlap). */
export async function fuzzConcurrently(options: { baseUrls: string[]; arbitrary: fc.Arbitrary<FuzzRequest>; count: number; concurrency: number; seed?: number; tally: FuzzTally }) {
  const requests = fc.sample(options.arbitrary, { numRuns: options.count, seed: options.seed });
  let next = 0;
  const worker = async (index: number) => {
    while (next < requests.length) {
      const request = requests[next++];
      const answer = await send(options.baseUrls[index % options.baseUrls.length], request);
      options.tally.requests++;
      if (answer.status >= 500) options.tally.serverErrors++;
      const problem = answerProblem(request, answer);
      if (problem) options.tally.problems.push(problem);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => worker(index)));
}
