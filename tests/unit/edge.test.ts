import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { corsHeaders, parseOriginRules } from "../../lib/api/cors";
import { addressSchema, parsePage, parseWith, updateLineItemSchema } from "../../lib/api/validation";
import { StoreError } from "../../lib/commerce/errors";
import { looksLikeId, newId } from "../../lib/commerce/ids";
import { resolveDatabaseTarget } from "../../lib/db/database-url";

describe("CORS origins", () => {
  test("localhost on any port is allowed by default, with credentials and the exact origin", () => {
    const rules = parseOriginRules("");
    assert.deepEqual(corsHeaders("http://localhost:8000", rules), {
      "access-control-allow-origin": "http://localhost:8000",
      "access-control-allow-credentials": "true",
      vary: "Origin",
    });
    assert.equal(corsHeaders("https://evil.example", rules)["access-control-allow-origin"], undefined);
  });

  test("STORE_CORS lists exact origins and /patterns/", () => {
    const rules = parseOriginRules("https://shop.example.com, /^https:\\/\\/.*\\.preview\\.example$/");
    assert.ok(corsHeaders("https://shop.example.com", rules)["access-control-allow-origin"]);
    assert.ok(corsHeaders("https://pr-1.preview.example", rules)["access-control-allow-origin"]);
    assert.equal(corsHeaders("http://localhost:3000", rules)["access-control-allow-origin"], undefined);
  });
});

describe("request validation", () => {
  const rejects = (fn: () => unknown, pattern: RegExp) =>
    assert.throws(fn, (error: unknown) => error instanceof StoreError && error.status === 400 && pattern.test(error.message));

  test("quantities must be whole, non-negative numbers", () => {
    rejects(() => parseWith(updateLineItemSchema, { quantity: 1.5 }), /quantity/);
    rejects(() => parseWith(updateLineItemSchema, { quantity: -1 }), /quantity/);
    rejects(() => parseWith(updateLineItemSchema, { quantity: "2" }), /quantity/);
    assert.deepEqual(parseWith(updateLineItemSchema, { quantity: 0 }), { quantity: 0 });
  });

  test("an address with an unknown field is refused and names it", () => {
    rejects(() => parseWith(addressSchema, { first_name: "A", favourite_color: "red" }), /favourite_color/);
    assert.equal(parseWith(addressSchema, { country_code: "DE" }).country_code, "de");
  });

  test("paging parameters are checked", () => {
    assert.deepEqual(parsePage(new URLSearchParams("limit=5&offset=10")), { limit: 5, offset: 10 });
    rejects(() => parsePage(new URLSearchParams("limit=abc")), /limit/);
    rejects(() => parsePage(new URLSearchParams("limit=1000")), /limit/);
  });
});

describe("ids and database targets", () => {
  test("new ids carry their kind and are recognised", () => {
    const id = newId("cart");
    assert.match(id, /^cart_[0-9A-Z]{26}$/);
    assert.equal(looksLikeId("cart", id), true);
    assert.equal(looksLikeId("order", id), false);
    assert.equal(looksLikeId("cart", "cart_'; drop table"), false);
  });

  test("DATABASE_URL chooses the dialect; unset is a SQLite file inside the project", () => {
    assert.deepEqual(resolveDatabaseTarget(undefined, "/srv/store"), {
      dialect: "sqlite",
      url: "file:/srv/store/data/store.db",
      filePath: "/srv/store/data/store.db",
    });
    assert.equal(resolveDatabaseTarget("postgres://u@h:5432/db").dialect, "postgres");
    assert.equal(resolveDatabaseTarget("postgresql://u@h/db").dialect, "postgres");
    assert.throws(() => resolveDatabaseTarget("mysql://x"), /DATABASE_URL/);
  });
});
