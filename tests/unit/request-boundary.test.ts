import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { readJsonBody, isCleanText, nestsDeeperThan } from "../../lib/api/request-body";
import { errorResponse, routeMethods, storeRoute } from "../../lib/api/store-route";
import { StoreError } from "../../lib/commerce/errors";
import { classifyDatabaseError, describeDatabaseError, retryOnConflict } from "../../lib/db/database-errors";
import { screenRequest } from "../../lib/http/screen-request";

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
  new Request("http://store.test/api/store/carts", { method: "POST", body, headers });

async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  assert.fail("expected a StoreError");
}

describe("reading a JSON body", () => {
  test("a body over the limit in bytes is refused with 413, even when its characters are fewer", async () => {
    const euros = JSON.stringify({ email: "€".repeat(400) }); // ~1,200 bytes, ~400 characters
    const error = await refusal(readJsonBody(post(euros), { maxBytes: 1_000 }));
    assert.equal(error.status, 413);
    assert.deepEqual((await readJsonBody(post(euros), { maxBytes: 2_000 })).body, { email: "€".repeat(400) });
  });

  test("a declared Content-Length over the limit is refused before reading", async () => {
    const request = post("{}", { "content-type": "application/json", "content-length": "5000000" });
    assert.equal((await refusal(readJsonBody(request, { maxBytes: 1_000 }))).status, 413);
  });

  test("JSON only as application/json (415 otherwise), empty bodies are {}", async () => {
    assert.equal((await refusal(readJsonBody(post("{}", { "content-type": "text/plain" })))).status, 415);
    assert.equal((await refusal(readJsonBody(post("", { "content-type": "text/plain" })))).status, 415);
    assert.equal((await refusal(readJsonBody(post('{"a":1}', {})))).status, 415);
    assert.deepEqual((await readJsonBody(post(null, {}))).body, {});
    assert.deepEqual((await readJsonBody(post('{"a":1}', { "content-type": "Application/JSON; charset=UTF-8" }))).body, { a: 1 });
  });

  test("control characters, lone surrogates and deep nesting are refused with 400", async () => {
    for (const text of ['{"a":"x\\u0000"}', '{"a\\u0001":1}', '{"a":"\\ud800"}', `${'{"a":'.repeat(40)}1${"}".repeat(40)}`]) {
      assert.equal((await refusal(readJsonBody(post(text)))).status, 400, text);
    }
    assert.equal(isCleanText("Torstraße 1\tHof\r\n😀"), true);
  });

  test("nesting is measured without recursion", () => {
    const deep = JSON.parse(`${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    assert.equal(nestsDeeperThan(deep, 64), true);
    assert.equal(nestsDeeperThan({ a: { b: 1 } }, 2), false);
  });
});

describe("the edge's answers", () => {
  test("a database conflict is a 409, an unreachable database a 503 with Retry-After, a NUL refused by it a 400", async () => {
    const conflict = errorResponse(Object.assign(new Error("x"), { code: "P2034" }));
    assert.equal(conflict.status, 409);
    assert.equal((await conflict.json()).code, "transaction_conflict");
    const down = errorResponse(Object.assign(new Error("connect ECONNREFUSED"), { cause: { kind: "DatabaseNotReachable" } }));
    assert.equal(down.status, 503);
    assert.equal(down.headers.get("retry-after"), "5");
    assert.equal(errorResponse({ meta: { driverAdapterError: { cause: { originalCode: "22021" } } } }).status, 400);
    const bug = errorResponse(new TypeError("oops"));
    assert.equal(bug.status, 500);
  });

  test("missing methods answer 405 JSON with Allow", async () => {
    const methods = routeMethods({ POST: storeRoute(async () => ({ ok: true })) });
    const response = await methods.GET(new Request("http://store.test/api/store/carts/c/complete"), { params: Promise.resolve({}) });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get("allow"), "POST, OPTIONS");
    assert.equal((await response.json()).code, "method_not_allowed");
  });

  test("path parameters with control characters are refused", async () => {
    const route = storeRoute<{ id: string }>(async ({ params }) => ({ id: params.id }));
    const response = await route(new Request("http://store.test/api/store/carts/x"), { params: Promise.resolve({ id: "cart\u0000" }) });
    assert.equal(response.status, 400);
  });
});

describe("database errors", () => {
  test("are classified across Prisma, the pg adapter, PostgreSQL and SQLite", () => {
    assert.equal(classifyDatabaseError({ code: "P2028" }), "conflict");
    assert.equal(classifyDatabaseError({ cause: { originalCode: "40P01", kind: "TransactionWriteConflict" } }), "conflict");
    assert.equal(classifyDatabaseError({ meta: { driverAdapterError: { cause: { originalCode: "55P03" } } } }), "conflict");
    assert.equal(classifyDatabaseError(new Error("SqliteError: database is locked")), "conflict");
    assert.equal(classifyDatabaseError({ code: "ECONNREFUSED" }), "unavailable");
    assert.equal(classifyDatabaseError(new Error("Connection terminated due to connection timeout")), "unavailable");
    assert.equal(classifyDatabaseError({ code: "P2002" }), null);
    assert.equal(classifyDatabaseError({ code: "P2025", meta: { modelName: "PaymentSession" } }), "vanished");
    assert.match(describeDatabaseError({ cause: { kind: "DatabaseNotReachable" } }), /refused/);
  });

  test("a conflicting transaction is tried again, a few times, and other errors are not", async () => {
    let calls = 0;
    const result = await retryOnConflict(async () => {
      calls++;
      if (calls < 3) throw Object.assign(new Error("deadlock detected"), { code: "40P01" });
      return "done";
    }, 4, 1);
    assert.equal(result, "done");
    assert.equal(calls, 3);
    calls = 0;
    await assert.rejects(retryOnConflict(async () => {
      calls++;
      throw Object.assign(new Error("deadlock"), { code: "40P01" });
    }, 4, 1));
    assert.equal(calls, 4);
    calls = 0;
    await assert.rejects(retryOnConflict(async () => {
      calls++;
      throw new TypeError("bug");
    }, 4, 1));
    assert.equal(calls, 1);
  });
});

describe("requests refused before Next.js", () => {
  test("methods Next.js cannot answer, malformed escapes, oversized and chunked bodies", () => {
    assert.equal(screenRequest("TRACE", "/api/store/regions", {})?.status, 405);
    assert.equal(screenRequest("GET", "/api/store/regions/%zz", {})?.status, 400);
    assert.equal(screenRequest("GET", "/api/store/products?q=%zz", {}), null, "the query string is parsed leniently by Next.js");
    assert.equal(screenRequest("POST", "/api/stripe/hooks", { "content-length": "209715200" })?.status, 413);
    assert.equal(screenRequest("POST", "/api/store/carts", { "transfer-encoding": "chunked" })?.status, 411);
    assert.equal(screenRequest("POST", "/api/store/carts", { "content-length": "2" }), null);
    assert.equal(screenRequest("GET", "/products/t%C3%A9", {}), null);
  });
});
