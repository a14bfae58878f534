// An app instance killed (SIGKILL) in the middle of completing a cart: the shopper's client retries
// with the same Idempotency-Key on another instance, on medusa-js's schedule (0.5 s, 2 s and 5.5 s
// after the failure), and gets the one order: one order, one payment, stock taken once.
// The completion is caught mid-way by holding the cart's row (PostgreSQL) or the write lock
// (SQLite) from the test, so the instance is killed while its completion waits inside the store.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import Database from "better-sqlite3";
import pg from "pg";
import { db, disconnectDb } from "../../lib/db/client";
import { resolveDatabaseTarget } from "../../lib/db/database-url";
import { api, readyCart, VARIANTS } from "../support/store-api";
import { startStoreInstance, stopStoreInstance, type StoreInstance } from "../support/store-server";
import { setStock, stockOf } from "../support/test-db";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const instances: StoreInstance[] = [];
after(async () => {
  await Promise.all(instances.map(stopStoreInstance));
  await disconnectDb();
});

/** Blocks writers to the cart until released: its row on PostgreSQL, the database on SQLite. */
async function holdCart(cartId: string): Promise<() => Promise<void>> {
  const target = resolveDatabaseTarget();
  if (target.dialect === "postgres") {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    await client.query("BEGIN");
    await client.query(`SELECT "id" FROM "Cart" WHERE "id" = $1 FOR UPDATE`, [cartId]);
    return async () => {
      await client.query("ROLLBACK");
      await client.end();
    };
  }
  const database = new Database(target.filePath, { timeout: 10_000 });
  database.exec("BEGIN IMMEDIATE");
  return async () => {
    database.exec("ROLLBACK");
    database.close();
  };
}

describe("a crash in the middle of completing a cart", () => {
  test("the killed instance's request is retried on another instance with the same key: one order, one payment, stock taken once", async () => {
    const doomed = await startStoreInstance({ DATABASE_URL: process.env.DATABASE_URL }, `${process.env.TEST_DIALECT ?? "db"}-crash`);
    instances.push(doomed);
    await setStock(VARIANTS.mugSand, 40);
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.mugSand, quantity: 2 }] });
    const key = randomUUID();
    const complete = (base: string) =>
      fetch(`${base}/api/store/carts/${cart.id}/complete`, { method: "POST", headers: { "content-type": "application/json", "idempotency-key": key }, body: "{}" });

    const release = await holdCart(cart.id);
    const inFlight = complete(doomed.url).then(
      (response) => `answered ${response.status}`,
      () => "connection lost",
    );
    await sleep(1_500);
    doomed.process.kill("SIGKILL");
    assert.equal(await inFlight, "connection lost", "the instance died before answering");
    await release();

    let answer = await api("POST", `/store/carts/${cart.id}/complete`, { headers: { "idempotency-key": key } });
    for (const pause of [500, 1_500, 3_500, 2_000]) {
      if (answer.status !== 409) break;
      await sleep(pause);
      answer = await api("POST", `/store/carts/${cart.id}/complete`, { headers: { "idempotency-key": key } });
    }
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.type, "order");
    assert.equal(await db().order.count({ where: { cartId: cart.id } }), 1);
    assert.equal(await db().payment.count({ where: { order: { cartId: cart.id } } }), 1);
    assert.equal(await stockOf(VARIANTS.mugSand), 38);
  });
});
