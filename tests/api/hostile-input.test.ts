// Input an attacker would send: every answer is a 4xx JSON {type, message, code} that changes
// nothing, never a 5xx, never a hang. Raw HTTP where fetch would tidy the request up.
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, describe, test } from "node:test";
import { ADDRESS_DE, api, createCart, expectOk, STORE_URLS, VARIANTS } from "../support/store-api";
import { disconnectDb } from "../support/test-db";
import { signEvent, STRIPE_WEBHOOK_SECRET, stripeEvent } from "../support/stripe-test-kit";

type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; text: string; body: any };

/** One HTTP request exactly as given: any method, any path bytes, any headers, any body. */
function raw(method: string, path: string, options: { headers?: Record<string, string | number>; body?: string | Buffer; chunks?: Buffer[] } = {}): Promise<RawAnswer> {
  const base = new URL(STORE_URLS[0]);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: base.hostname, port: base.port, method, path, headers: options.headers ?? {} }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => {
        let body: any = null;
        try {
          body = text ? JSON.parse(text) : null;
        } catch {
          body = text;
        }
        resolve({ status: response.statusCode ?? 0, headers: response.headers, text, body });
      });
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`${method} ${path}: no answer within 30 s`)));
    // A server may answer (and close) before the whole body is sent: that is the point of the test.
    request.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    if (options.chunks) {
      for (const chunk of options.chunks) request.write(chunk);
      request.end();
    } else request.end(options.body);
  });
}

function assertJsonError(answer: { status: number; body: any; headers?: unknown }, status: number, code?: string) {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(typeof answer.body?.type, "string", `a JSON error body: ${JSON.stringify(answer.body)}`);
  assert.equal(typeof answer.body?.message, "string");
  if (code) assert.equal(answer.body.code, code);
}

/** JSON text of objects nested `depth` levels deep, written out (JSON.stringify itself gives up near 4,000). */
const nestedJson = (depth: number) => `${'{"deeper":'.repeat(depth)}"bottom"${"}".repeat(depth)}`;
const nested = (depth: number): unknown => JSON.parse(nestedJson(depth));

let cartId = "";
let lineId = "";
const cartNow = async () => expectOk(await api("GET", `/store/carts/${cartId}`), "read cart");

before(async () => {
  const cart = await createCart([{ variant_id: VARIANTS.teeSmallWhite, quantity: 1 }]);
  cartId = cart.id;
  lineId = cart.items[0].id;
  expectOk(await api("POST", `/store/carts/${cartId}`, { body: { email: "hostile@input.test", shipping_address: ADDRESS_DE } }), "address");
});
after(disconnectDb);

describe("control characters are refused with 400 wherever text enters", () => {
  const nul = "\u0000";
  const cases: { name: string; method: "GET" | "POST" | "DELETE"; path: () => string; body?: () => unknown }[] = [
    { name: "a NUL in the email", method: "POST", path: () => `/store/carts/${cartId}`, body: () => ({ email: `a${nul}@b.co` }) },
    { name: "a NUL in an address field", method: "POST", path: () => `/store/carts/${cartId}`, body: () => ({ shipping_address: { ...ADDRESS_DE, first_name: `Le${nul}na` } }) },
    { name: "a bell character in a city", method: "POST", path: () => `/store/carts/${cartId}`, body: () => ({ shipping_address: { ...ADDRESS_DE, city: "Ber\u0007lin" } }) },
    { name: "a NUL in a metadata key", method: "POST", path: () => `/store/carts/${cartId}`, body: () => ({ shipping_address: { ...ADDRESS_DE, metadata: { [`k${nul}`]: 1 } } }) },
    { name: "a lone surrogate in a name", method: "POST", path: () => `/store/carts/${cartId}`, body: () => ({ shipping_address: { ...ADDRESS_DE, last_name: "\ud800x" } }) },
    { name: "a NUL in a variant id", method: "POST", path: () => `/store/carts/${cartId}/line-items`, body: () => ({ variant_id: `variant${nul}`, quantity: 1 }) },
    { name: "a NUL in a discount code", method: "POST", path: () => `/store/carts/${cartId}`, body: () => ({ discounts: [{ code: `WELCOME${nul}` }] }) },
    { name: "a NUL in a provider id", method: "POST", path: () => `/store/carts/${cartId}/payment-session`, body: () => ({ provider_id: `manual${nul}` }) },
    { name: "a NUL in a cart id in the path", method: "GET", path: () => `/store/carts/cart${encodeURIComponent(nul)}` },
    { name: "a NUL in a line id in the path", method: "DELETE", path: () => `/store/carts/${cartId}/line-items/${lineId}%00` },
    { name: "a NUL in a region id in the path", method: "GET", path: () => "/store/regions/reg%00europe" },
    { name: "a NUL in a query parameter", method: "GET", path: () => "/store/products?handle=tee%00" },
    { name: "a NUL in a query parameter name", method: "GET", path: () => "/store/products?han%00dle=tee" },
  ];
  for (const bad of cases) {
    test(bad.name, async () => {
      const before = await cartNow();
      const answer = await api(bad.method, bad.path(), bad.body ? { body: bad.body() } : {});
      assertJsonError(answer, 400);
      assert.deepEqual(await cartNow(), before, "the cart is unchanged");
    });
  }
});

describe("free-form JSON is bounded", () => {
  test("metadata nested 5,000 levels deep is refused, not a RangeError", async () => {
    const before = await cartNow();
    const rawBody = `{"shipping_address":{"first_name":"Lena","metadata":${nestedJson(5_000)}}}`;
    const answer = await api("POST", `/store/carts/${cartId}`, { rawBody });
    assertJsonError(answer, 400, "too_deep");
    assert.deepEqual(await cartNow(), before);
  });

  test("payment session data nested 5,000 levels deep is refused", async () => {
    const answer = await api("POST", `/store/carts/${cartId}/payment-sessions/manual`, { rawBody: `{"data":${nestedJson(5_000)}}` });
    assertJsonError(answer, 400, "too_deep");
  });

  test("metadata nested more than 8 levels is refused by the schema", async () => {
    const answer = await api("POST", `/store/carts/${cartId}`, { body: { shipping_address: { ...ADDRESS_DE, metadata: nested(10) } } });
    assertJsonError(answer, 400);
    assert.match(answer.body.message, /metadata/);
  });

  test("metadata larger than 16 KiB is refused", async () => {
    const answer = await api("POST", `/store/carts/${cartId}`, { body: { shipping_address: { ...ADDRESS_DE, metadata: { note: "x".repeat(17 * 1024) } } } });
    assertJsonError(answer, 400);
    assert.match(answer.body.message, /metadata/);
  });

  test("metadata within the bounds is kept", async () => {
    const metadata = { gate: "blue", floors: { count: 3 } };
    const answer = await api("POST", `/store/carts/${cartId}`, { body: { shipping_address: { ...ADDRESS_DE, metadata } } });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.cart.shipping_address.metadata, metadata);
  });
});

describe("bodies: size in bytes, JSON only as application/json", () => {
  test("a 300 KB body of multi-byte characters is refused with 413 (bytes, not characters)", async () => {
    const before = await cartNow();
    const answer = await api("POST", `/store/carts/${cartId}`, { rawBody: JSON.stringify({ email: `${"€".repeat(100_000)}@x.co` }) });
    assertJsonError(answer, 413, "payload_too_large");
    assert.deepEqual(await cartNow(), before);
  });

  test("a declared Content-Length beyond the limit is refused at once, before the body arrives", async () => {
    const started = Date.now();
    const answer = await raw("POST", `/api/store/carts/${cartId}`, {
      headers: { "content-type": "application/json", "content-length": 200 * 1024 * 1024 },
      chunks: [Buffer.from('{"email":"')],
    });
    assertJsonError(answer, 413, "payload_too_large");
    assert.ok(Date.now() - started < 10_000, "answered without waiting for 200 MB");
  });

  test("a chunked body (no Content-Length) is refused with 411", async () => {
    const answer = await raw("POST", `/api/store/carts/${cartId}`, {
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      chunks: [Buffer.from('{"email":'), Buffer.from('"chunked@example.com"}')],
    });
    assertJsonError(answer, 411, "length_required");
    assert.notEqual((await cartNow()).email, "chunked@example.com");
  });

  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
    test(`a cross-origin style ${type.split(";")[0]} POST is refused with 415 and changes nothing`, async () => {
      const before = await cartNow();
      const answer = await raw("POST", `/api/store/carts/${cartId}`, {
        headers: { "content-type": type, origin: "https://evil.example" },
        body: JSON.stringify({ email: "csrf@evil.example" }),
      });
      assertJsonError(answer, 415, "unsupported_media_type");
      assert.deepEqual(await cartNow(), before);
    });
  }

  test("a text/plain POST without a body is refused too (a form can complete a cart without one)", async () => {
    const answer = await raw("POST", `/api/store/carts/${cartId}/complete`, { headers: { "content-type": "text/plain" }, body: "" });
    assertJsonError(answer, 415);
  });

  test("a JSON body without a Content-Type is refused with 415", async () => {
    const answer = await raw("POST", `/api/store/carts/${cartId}`, { body: JSON.stringify({ email: "none@example.com" }) });
    assertJsonError(answer, 415);
  });

  test("application/json with a charset is accepted", async () => {
    const answer = await raw("POST", `/api/store/carts/${cartId}`, {
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify({ email: "charset@example.com" }),
    });
    assert.equal(answer.status, 200, answer.text);
  });

  test("a body that is not UTF-8 is refused with 400", async () => {
    const answer = await raw("POST", `/api/store/carts/${cartId}`, {
      headers: { "content-type": "application/json" },
      body: Buffer.from([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    assertJsonError(answer, 400, "invalid_encoding");
  });
});

describe("paths and methods the framework cannot answer are JSON", () => {
  for (const path of ["/api/store/regions/%zz", "/api/store/carts/%E0%A4%A", "/products/%zz", "/api/stripe/hooks/%"]) {
    test(`a malformed percent escape: ${path}`, async () => {
      const answer = await raw("GET", path);
      assertJsonError(answer, 400, "malformed_url");
    });
  }

  for (const method of ["TRACE", "PURGE", "PROPFIND"]) {
    test(`${method} answers 405 JSON with Allow`, async () => {
      const answer = await raw(method, "/api/store/regions");
      assertJsonError(answer, 405, "method_not_allowed");
      assert.ok(answer.headers.allow, "an Allow header");
      assert.doesNotMatch(answer.headers.allow!, new RegExp(method));
    });
  }

  const wrongMethods: [string, string, string][] = [
    ["GET", "/api/store/carts/{cart}/complete", "POST, OPTIONS"],
    ["DELETE", "/api/store/carts/{cart}", "GET, POST, HEAD, OPTIONS"],
    ["POST", "/api/store/regions", "GET, HEAD, OPTIONS"],
    ["GET", "/api/stripe/hooks", "POST, OPTIONS"],
    ["POST", "/api/health", "GET, HEAD, OPTIONS"],
  ];
  for (const [method, template, allow] of wrongMethods) {
    test(`${method} ${template} answers 405 JSON with Allow: ${allow}`, async () => {
      const answer = await raw(method, template.replace("{cart}", cartId), method === "POST" ? { headers: { "content-type": "application/json" }, body: "{}" } : {});
      assertJsonError(answer, 405, "method_not_allowed");
      assert.equal(answer.headers.allow, allow);
    });
  }
});

describe("the Stripe webhook takes any payload without falling over", () => {
  const signed = STRIPE_WEBHOOK_SECRET ? (payload: string) => signEvent(payload) : null;
  const deliver = (payload: string, signature?: string, headers: Record<string, string> = {}) =>
    raw("POST", "/api/stripe/hooks", { headers: { "content-type": "application/json", ...(signature ? { "stripe-signature": signature } : {}), ...headers }, body: payload });

  test("an unsigned body is refused before it is read", async () => {
    const answer = await deliver(JSON.stringify({ type: "payment_intent.succeeded" }));
    assertJsonError(answer, 400, "invalid_signature");
  });

  test("an unsigned 200 MB declared body is refused at once with 413", async () => {
    const answer = await raw("POST", "/api/stripe/hooks", {
      headers: { "content-type": "application/json", "content-length": 200 * 1024 * 1024 },
      chunks: [Buffer.from("{")],
    });
    assertJsonError(answer, 413);
  });

  test("a forged signature is refused", async () => {
    const answer = await deliver(stripeEvent("payment_intent.succeeded", { id: "pi_x", object: "payment_intent", metadata: {} }), "t=1,v1=deadbeef");
    assertJsonError(answer, 400, "invalid_signature");
  });

  test("a signed body over 512 KiB is refused with 413", { skip: !signed && "STRIPE_WEBHOOK_SECRET is not set" }, async () => {
    const payload = stripeEvent("payment_intent.succeeded", { id: "pi_big", object: "payment_intent", metadata: {}, description: "x".repeat(600 * 1024) });
    const answer = await deliver(payload, signed!(payload).signature);
    assertJsonError(answer, 413);
  });

  const shapes: [string, string][] = [
    ["null", "null"],
    ["an array", "[]"],
    ["a number type", '{"type":1}'],
    ["no data", '{"type":"payment_intent.succeeded"}'],
    ["data without object", '{"type":"payment_intent.succeeded","data":{}}'],
    ["data.object null", '{"type":"payment_intent.succeeded","data":{"object":null}}'],
    ["data.object an array", '{"type":"payment_intent.succeeded","data":{"object":[]}}'],
    ["metadata a string", '{"type":"payment_intent.succeeded","data":{"object":{"object":"payment_intent","id":"pi_1","metadata":"cart_1"}}}'],
    ["resource_id a number", '{"type":"payment_intent.succeeded","data":{"object":{"object":"payment_intent","id":"pi_1","metadata":{"resource_id":42}}}}'],
    ["an unknown cart", '{"type":"payment_intent.succeeded","data":{"object":{"object":"payment_intent","id":"pi_1","metadata":{"resource_id":"cart_01JZZZZZZZZZZZZZZZZZZZZZZZ"}}}}'],
    ["a failed payment without id", '{"type":"payment_intent.payment_failed","data":{"object":{"object":"payment_intent","metadata":{"resource_id":"cart_01JZZZZZZZZZZZZZZZZZZZZZZZ"}}}}'],
    ["a failed payment with a NUL in its id", '{"type":"payment_intent.payment_failed","data":{"object":{"object":"payment_intent","id":"pi_\\u0000","metadata":{"resource_id":"cart_01JZZZZZZZZZZZZZZZZZZZZZZZ"}}}}'],
    ["a string", '"hello"'],
    ["not JSON", "{{{"],
    ["nested 5,000 levels", `{"type":"payment_intent.succeeded","data":{"object":${nestedJson(5_000)}}}`],
  ];
  for (const [name, payload] of shapes) {
    test(`a validly signed payload that is ${name} is answered 2xx/4xx`, { skip: !signed && "STRIPE_WEBHOOK_SECRET is not set" }, async () => {
      const answer = await deliver(payload, signed!(payload).signature);
      assert.ok(answer.status < 500, `${answer.status} ${answer.text}`);
      assert.equal(typeof answer.body, "object", answer.text);
    });
  }
});
