// The store under pressure it does not control: concurrent completions that would deadlock on
// PostgreSQL, and a database that is down or silent. The answer is an order, a 409 a client
// retries, or a 503 with Retry-After: never a 500, never a hang.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import net from "node:net";
import { after, describe, test } from "node:test";
import { api, readyCart, STORE_URLS, VARIANTS } from "../support/store-api";
import { disconnectDb, ordersOfCart, setStock, stockOf } from "../support/test-db";
import { db } from "../../lib/db/client";
import { hashRequest } from "../../lib/commerce/idempotency";
import { startStoreInstance, stopStoreInstance, type StoreInstance } from "../support/store-server";

after(disconnectDb);

describe("no deadlock when carts share variants", () => {
  test("twenty carts sharing three variants, completed at once over both instances: twenty orders, stock exact, no 5xx", async () => {
    const shared = [VARIANTS.tote, VARIANTS.mugSand, VARIANTS.teeMediumBlack];
    for (const variant of shared) await setStock(variant, 1_000);
    const before = await Promise.all(shared.map(stockOf));
    // Lines in different orders, so each completion would lock the shared rows in its own order.
    const carts: Awaited<ReturnType<typeof readyCart>>[] = [];
    for (let index = 0; index < 20; index++) {
      const order = index % 2 === 0 ? shared : [...shared].reverse();
      carts.push(await readyCart({ items: order.map((variant_id, line) => ({ variant_id, quantity: 1 + ((index + line) % 2) })), instance: index }));
    }
    const first = await Promise.all(carts.map((cart, index) => api("POST", `/store/carts/${cart.id}/complete`, { instance: index })));
    for (const answer of first) assert.ok(answer.status < 500, `no 5xx: ${answer.status} ${JSON.stringify(answer.body)}`);
    // What is left (a 409 after the server's own retries) succeeds when retried, as medusa-js would.
    const settled = await Promise.all(
      first.map(async (answer, index) => {
        for (let attempt = 0; answer.status === 409 && attempt < 5; attempt++) {
          assert.equal(answer.body.type, "conflict");
          await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 300));
          answer = await api("POST", `/store/carts/${carts[index].id}/complete`, { instance: index });
        }
        return answer;
      }),
    );
    for (const answer of settled) {
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.type, "order");
    }
    for (const cart of carts) assert.equal(await ordersOfCart(cart.id), 1);
    const taken = shared.map((variant) => carts.reduce((sum, cart) => sum + cart.items.find((item: { variant_id: string }) => item.variant_id === variant).quantity, 0));
    const afterwards = await Promise.all(shared.map(stockOf));
    assert.deepEqual(afterwards, before.map((stock, index) => stock - taken[index]));
  });
});

describe("a database that is down or silent answers 503 with Retry-After, quickly", () => {
  const instances: StoreInstance[] = [];
  let silent: net.Server | null = null;
  after(async () => {
    await Promise.all(instances.map(stopStoreInstance));
    silent?.close();
  });

  async function storeOn(databaseUrl: string, name: string) {
    const instance = await startStoreInstance(
      { DATABASE_URL: databaseUrl, DATABASE_CONNECT_TIMEOUT_MS: "1500", DATABASE_STATEMENT_TIMEOUT_MS: "1500" },
      `${process.env.TEST_DIALECT ?? "db"}-${name}`,
      { waitUntil: "listening" },
    );
    instances.push(instance);
    return instance.url;
  }

  async function assertUnavailable(url: string, reason: RegExp) {
    const started = Date.now();
    const health = await fetch(`${url}/api/health`);
    const healthBody = await health.json();
    assert.equal(health.status, 503);
    assert.match(healthBody.message, reason);
    for (const path of ["/api/store/regions", "/api/store/products?limit=1"]) {
      const response = await fetch(`${url}${path}`);
      const body = await response.json();
      assert.equal(response.status, 503, JSON.stringify(body));
      assert.equal(body.type, "database_unavailable");
      assert.ok(Number(response.headers.get("retry-after")) > 0, "Retry-After");
    }
    const created = await fetch(`${url}/api/store/carts`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    assert.equal(created.status, 503);
    assert.ok(Date.now() - started < 30_000, "answered within the timeouts, not after minutes");
  }

  test("PostgreSQL refusing connections", async () => {
    const url = await storeOn("postgres://postgres@127.0.0.1:1/store", "pg-refused");
    await assertUnavailable(url, /refused/);
  });

  test("a PostgreSQL port that accepts connections and never answers", async () => {
    silent = net.createServer(() => {
      /* holds the socket open, says nothing */
    });
    await new Promise<void>((resolve) => silent!.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as net.AddressInfo).port;
    const url = await storeOn(`postgres://postgres@127.0.0.1:${port}/store`, "pg-silent");
    await assertUnavailable(url, /did not answer in time/);
  });

  test("a SQLite file that cannot be opened", async () => {
    const url = await storeOn("file:/proc/no-such-folder/store.db", "sqlite-unopenable");
    await assertUnavailable(url, /cannot be opened/);
  });

  test("the store under test is healthy meanwhile", async () => {
    const response = await fetch(`${STORE_URLS[0]}/api/health`);
    assert.equal(response.status, 200);
  });
});

describe("the Idempotency-Key lock of a request whose process died", () => {
  // A process that dies mid-request leaves its key locked and never renews it; a live request
  // renews it every second. The row is written as the dead process would have left it.
  async function lockedKey(cartId: string, body: unknown, lockedMsAgo: number) {
    const key = `dead-${randomUUID()}`;
    const scope = `POST /api/store/carts/${cartId}`;
    await db().idempotencyKey.create({
      data: { id: `ikey_${randomUUID().replace(/-/g, "")}`, key, scope, requestHash: hashRequest(scope, JSON.stringify(body)), lockedAt: new Date(Date.now() - lockedMsAgo) },
    });
    return key;
  }

  test("a lock renewed a moment ago holds the retry off with 409", async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    const body = { email: "alive@example.com" };
    const key = await lockedKey(cart.id, body, 500);
    const answer = await api("POST", `/store/carts/${cart.id}`, { body, headers: { "idempotency-key": key } });
    assert.equal(answer.status, 409, JSON.stringify(answer.body));
  });

  test("a lock not renewed for five seconds is taken over: the retry runs and succeeds", async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    const body = { email: "retried@example.com" };
    const key = await lockedKey(cart.id, body, 5_000);
    const answer = await api("POST", `/store/carts/${cart.id}`, { body, headers: { "idempotency-key": key } });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.cart.email, "retried@example.com");
    const replay = await api("POST", `/store/carts/${cart.id}`, { body, headers: { "idempotency-key": key } });
    assert.equal(replay.headers.get("idempotent-replayed"), "true");
  });
});
