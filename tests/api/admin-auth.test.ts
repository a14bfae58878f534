// Signing in to the Admin API through medusa-js's admin client: a session cookie, a bearer token,
// a user's API token, signing out, and every refusal.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import Medusa from "@medusajs/medusa-js";
import { adminClient, DEMO_ADMIN, demoAdmin, refusal, storeBase } from "../support/admin-api";
import { api } from "../support/store-api";
import { disconnectDb } from "../support/test-db";

after(disconnectDb);

const anonymous = () => new Medusa({ baseUrl: storeBase(), maxRetries: 0 });

describe("admin sign-in", () => {
  test("email and password give a session cookie (httpOnly, SameSite) that medusa-js can use and sign out with", async () => {
    const answer = await anonymous().admin.auth.createSession(DEMO_ADMIN);
    assert.equal(answer.user.email, DEMO_ADMIN.email);
    assert.equal(answer.user.role, "admin");
    assert.equal((answer.user as any).password_hash, undefined, "no password hash is ever sent");
    const setCookie = String(answer.response.headers["set-cookie"]);
    assert.match(setCookie, /^admin_session=[^;]+;/);
    assert.match(setCookie, /HttpOnly/i);
    assert.match(setCookie, /SameSite=Lax/i);
    assert.match(setCookie, /Max-Age=\d+/);
    const cookie = setCookie.split(";")[0];

    // The second instance knows the session too: it lives in the database.
    const signedIn = adminClient({ Cookie: cookie }, 1);
    assert.equal((await signedIn.admin.auth.getSession()).user.email, DEMO_ADMIN.email);
    assert.equal((await signedIn.admin.orders.list()).response.status, 200);

    await signedIn.admin.auth.deleteSession();
    assert.equal((await refusal(signedIn.admin.auth.getSession())).status, 401, "signed out everywhere");
    assert.equal((await refusal(adminClient({ Cookie: cookie }, 0).admin.orders.list())).status, 401);
  });

  test("POST /admin/auth/token gives a bearer token; it stops working when its session is signed out", async () => {
    const { access_token } = await anonymous().admin.auth.getToken(DEMO_ADMIN);
    assert.match(access_token, /^[\w-]+\.[\w-]+\.[\w-]+$/, "a JWT");
    const client = adminClient({ Authorization: `Bearer ${access_token}` }, 1);
    assert.equal((await client.admin.auth.getSession()).user.email, DEMO_ADMIN.email);
    await client.admin.auth.deleteSession();
    assert.equal((await refusal(client.admin.orders.list())).status, 401);
  });

  test("a user's API token (medusa-js apiKey → x-medusa-access-token) works, is never shown, and can be replaced", async () => {
    const admin = await demoAdmin();
    const { user } = await admin.admin.auth.getSession();
    const token = `tok_${randomUUID()}`;
    const updated = await admin.admin.users.update(user.id, { api_token: token } as any);
    assert.equal(updated.user.api_token, null, "the token is stored as a digest and never shown again");
    const withKey = new Medusa({ baseUrl: storeBase(1), maxRetries: 0, apiKey: token });
    assert.equal((await withKey.admin.auth.getSession()).user.id, user.id);
    assert.equal((await withKey.admin.orders.list({ limit: 1 } as any)).limit, 1);

    await admin.admin.users.update(user.id, { api_token: `tok_${randomUUID()}` } as any);
    assert.equal((await refusal(withKey.admin.orders.list())).status, 401, "the old token no longer works");
    const wrongKey = new Medusa({ baseUrl: storeBase(), maxRetries: 0, apiKey: "not-a-token-of-anyone-here" });
    assert.equal((await refusal(wrongKey.admin.orders.list())).status, 401);
  });

  test("a wrong password and an unknown email get the same 401 answer", async () => {
    const wrongPassword = await refusal(anonymous().admin.auth.createSession({ email: DEMO_ADMIN.email, password: "not-the-password" }));
    const unknownEmail = await refusal(anonymous().admin.auth.createSession({ email: `nobody-${randomUUID()}@example.com`, password: "not-the-password" }));
    assert.equal(wrongPassword.status, 401);
    assert.deepEqual(unknownEmail, wrongPassword);
    assert.equal(wrongPassword.body.type, "unauthorized");
    const tokenRefusal = await refusal(anonymous().admin.auth.getToken({ email: DEMO_ADMIN.email, password: "not-the-password" }));
    assert.deepEqual(tokenRefusal, wrongPassword);
  });

  test("malformed sign-ins are 400s", async () => {
    for (const rawBody of ["{", "[]", JSON.stringify({ email: DEMO_ADMIN.email }), JSON.stringify({ email: 1, password: 2 })]) {
      const answer = await api("POST", "/admin/auth", { rawBody });
      assert.equal(answer.status, 400, rawBody);
      assert.equal(answer.body.type, "invalid_data");
    }
  });

  test("sign-in attempts are limited per email, across instances: the 11th within 15 minutes is a 429", async () => {
    const email = `target-${randomUUID()}@example.com`;
    for (let attempt = 1; attempt <= 10; attempt++) {
      const answer = await api("POST", "/admin/auth", { body: { email, password: `guess-${attempt}` }, instance: attempt % 2 });
      assert.equal(answer.status, 401, `attempt ${attempt}`);
    }
    const limited = await api("POST", "/admin/auth", { body: { email, password: "guess-11" } });
    assert.equal(limited.status, 429);
    assert.equal(limited.body.type, "too_many_requests");
    assert.match(limited.body.message, /Too many attempts/);
    assert.ok(Number(limited.headers.get("retry-after")) > 0, "Retry-After says when to come back");
  });

  test("every Admin API route answers 401 without valid credentials, and changes nothing", async () => {
    const calls: [string, string][] = [
      ["GET", "/admin/auth"],
      ["DELETE", "/admin/auth"],
      ["GET", "/admin/orders"],
      ["GET", "/admin/orders/order_01"],
      ["POST", "/admin/orders/order_01/capture"],
      ["POST", "/admin/orders/order_01/refund"],
      ["POST", "/admin/orders/order_01/cancel"],
      ["POST", "/admin/orders/order_01/fulfillment"],
      ["POST", "/admin/orders/order_01/fulfillments/ful_01/cancel"],
      ["POST", "/admin/orders/order_01/shipment"],
      ["POST", "/admin/orders/order_01/complete"],
      ["POST", "/admin/orders/order_01/archive"],
      ["GET", "/admin/users/usr_demoadmin"],
      ["POST", "/admin/users/usr_demoadmin"],
      ["GET", "/admin/no-such-route"],
    ];
    const forged: Record<string, string>[] = [
      {},
      { authorization: "Bearer not.a.jwt" },
      { authorization: "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfZGVtb2FkbWluIiwidHlwIjoidXNlciJ9.c2lnbmF0dXJl" },
      { "x-medusa-access-token": "guessed-token-guessed-token" },
      { cookie: "admin_session=forged" },
    ];
    for (const [method, path] of calls) {
      for (const headers of forged) {
        const answer = await api(method as "GET", path, { headers, body: method === "POST" ? { api_token: "x".repeat(20) } : undefined });
        assert.equal(answer.status, 401, `${method} ${path} with ${JSON.stringify(headers)}`);
        assert.equal(answer.body.type, "unauthorized");
      }
    }
  });
});
