// The account edge's pure parts: the session cookie's attributes, the client address for rate
// limits, the sign-in's return path, and the shapes of account requests.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { clearedSessionCookie, sessionCookie } from "../../lib/api/customer-auth";
import { CLIENT_ADDRESS_HEADER, clientAddress, clientAddressFrom, trustedProxyCount } from "../../lib/http/client-address";
import { addAddressSchema, parseOrderLookupQuery, registerSchema } from "../../lib/api/customer-validation";
import { parseWith } from "../../lib/api/validation";
import { StoreError } from "../../lib/commerce/errors";
import { safeReturnPath } from "../../lib/sdk/return-path";

describe("the customer session cookie", () => {
  const expires = new Date(Date.now() + 3600_000);
  test("is httpOnly, SameSite=Lax, for the whole site, and Secure only behind TLS", () => {
    const plain = sessionCookie(new Request("http://shop.test/api/store/auth"), "tok/en", expires);
    assert.match(plain, /^store_customer_session=tok%2Fen; Path=\/; HttpOnly; SameSite=Lax; Max-Age=(3599|3600)$/);
    const proxied = sessionCookie(new Request("http://shop.test/api/store/auth", { headers: { "x-forwarded-proto": "https" } }), "t", expires);
    assert.match(proxied, /; Secure$/);
    assert.match(sessionCookie(new Request("https://shop.test/api/store/auth"), "t", expires), /; Secure$/);
  });
  test("is cleared with Max-Age=0", () => {
    assert.equal(clearedSessionCookie(new Request("http://shop.test/")), "store_customer_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
  });
});

test("the client address: the socket's peer unless proxies are trusted, then the entry the nearest trusted one wrote", () => {
  const forwardedFor = "198.51.100.9, 203.0.113.7, 10.0.0.1";
  // Talking to the store directly, a client's own X-Forwarded-For is ignored.
  assert.equal(clientAddressFrom({ socketAddress: "192.0.2.1", forwardedFor, trustedProxies: 0 }), "192.0.2.1");
  // Behind one proxy (192.0.2.1), the entry it appended; the rest was the client's to write.
  assert.equal(clientAddressFrom({ socketAddress: "192.0.2.1", forwardedFor, trustedProxies: 1 }), "10.0.0.1");
  assert.equal(clientAddressFrom({ socketAddress: "192.0.2.1", forwardedFor, trustedProxies: 2 }), "203.0.113.7");
  // More trusted hops than the request came through: the farthest address known.
  assert.equal(clientAddressFrom({ socketAddress: "192.0.2.1", forwardedFor: undefined, trustedProxies: 2 }), "192.0.2.1");
  assert.equal(clientAddressFrom({ socketAddress: "192.0.2.1", forwardedFor: ["198.51.100.9", "10.0.0.1"], trustedProxies: 1 }), "10.0.0.1");
  // The app reads only the header the front server wrote.
  assert.equal(clientAddress(new Request("http://x/", { headers: { [CLIENT_ADDRESS_HEADER]: "10.0.0.1" } })), "10.0.0.1");
  assert.equal(clientAddress(new Request("http://x/", { headers: { "x-forwarded-for": "203.0.113.7" } })), "unknown");
  assert.throws(() => trustedProxyCount({ TRUSTED_PROXY_COUNT: "one" }), /TRUSTED_PROXY_COUNT/);
});

test("a sign-in returns only to a path on this site", () => {
  assert.equal(safeReturnPath("/account/orders"), "/account/orders");
  assert.equal(safeReturnPath(["/checkout?step=address", "/x"]), "/checkout?step=address");
  for (const hostile of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "/a\nb", "", undefined]) {
    assert.equal(safeReturnPath(hostile), "/account", String(hostile));
  }
});

describe("account request shapes", () => {
  const refused = (run: () => unknown) => assert.throws(run, (error: unknown) => error instanceof StoreError && error.status === 400);
  test("registration needs a real email, a name and a password of 8 characters or more", () => {
    const valid = { email: " Ann@Example.com ", password: "12345678", first_name: "Ann", last_name: "Lee" };
    assert.equal(parseWith(registerSchema, valid).email, "Ann@Example.com");
    refused(() => parseWith(registerSchema, { ...valid, password: "1234567" }));
    refused(() => parseWith(registerSchema, { ...valid, first_name: "  " }));
    refused(() => parseWith(registerSchema, { ...valid, has_account: true }));
  });
  test("a new address-book entry needs what a delivery needs", () => {
    const address = { first_name: "A", last_name: "B", address_1: "Street 1", city: "Berlin", postal_code: "10115", country_code: "DE" };
    assert.equal(parseWith(addAddressSchema, { address }).address.country_code, "de");
    refused(() => parseWith(addAddressSchema, { address: { ...address, city: "" } }));
    refused(() => parseWith(addAddressSchema, { address: { ...address, country_code: undefined } }));
  });
  test("an order lookup needs a positive order number and an email", () => {
    const query = (text: string) => parseOrderLookupQuery(new URLSearchParams(text));
    assert.deepEqual(query("display_id=12&email=a@b.co&shipping_address[postal_code]=10115"), { display_id: 12, email: "a@b.co", postal_code: "10115" });
    refused(() => query("display_id=0&email=a@b.co"));
    refused(() => query("display_id=12"));
  });
});
