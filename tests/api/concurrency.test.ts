// Races that really race: requests fired together at two app instances on one database.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { api, readyCart, STORE_URLS, VARIANTS } from "../support/store-api";
import { disconnectDb, ordersOfCart, setStock, stockOf } from "../support/test-db";

after(disconnectDb);

describe("exactly-once completion", () => {
  test("ten concurrent completes of one cart, over both instances, give one order that every caller gets", async () => {
    assert.ok(STORE_URLS.length >= 2, "the suite runs against two app instances");
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, index) => api("POST", `/store/carts/${cart.id}/complete`, { instance: index })),
    );
    // A caller may be told to come back (409) while the winner commits; it gets the order then.
    const settled = await Promise.all(
      answers.map(async (answer) => {
        for (let attempt = 0; answer.status === 409 && attempt < 10; attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          answer = await api("POST", `/store/carts/${cart.id}/complete`);
        }
        return answer;
      }),
    );
    for (const answer of settled) {
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.type, "order");
    }
    assert.equal(new Set(settled.map((answer) => answer.body.data.id)).size, 1);
    assert.equal(await ordersOfCart(cart.id), 1);
  });

  test("concurrent completes with the same Idempotency-Key give one order", async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    const headers = { "idempotency-key": randomUUID() };
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, index) => api("POST", `/store/carts/${cart.id}/complete`, { headers, instance: index })),
    );
    for (const answer of answers) assert.ok([200, 409].includes(answer.status), JSON.stringify(answer.body));
    const replay = await api("POST", `/store/carts/${cart.id}/complete`, { headers });
    assert.equal(replay.body.type, "order");
    assert.equal(await ordersOfCart(cart.id), 1);
  });
});

describe("stock", () => {
  test("five shoppers race for two units: exactly two orders, stock ends at zero, never below", async () => {
    await setStock(VARIANTS.beanie, 5);
    const carts = await Promise.all(
      Array.from({ length: 5 }, () => readyCart({ items: [{ variant_id: VARIANTS.beanie, quantity: 1 }] })),
    );
    await setStock(VARIANTS.beanie, 2);
    const answers = await Promise.all(carts.map((cart, index) => api("POST", `/store/carts/${cart.id}/complete`, { instance: index })));
    const orders = answers.filter((answer) => answer.status === 200 && answer.body.type === "order");
    const soldOut = answers.filter((answer) => answer.status === 400 && answer.body.code === "insufficient_inventory");
    assert.equal(orders.length, 2, JSON.stringify(answers.map((answer) => [answer.status, answer.body.code])));
    assert.equal(soldOut.length, 3);
    assert.match(soldOut[0].body.message, /Wool Beanie/);
    assert.equal(await stockOf(VARIANTS.beanie), 0);
    for (const [index, answer] of answers.entries()) {
      if (answer.status === 200) continue;
      assert.equal(await ordersOfCart(carts[index].id), 0, "a refused cart has no order");
      const { cart } = (await api("GET", `/store/carts/${carts[index].id}`)).body;
      assert.notEqual(cart.payment_session.id, carts[index].payment_session.id, "the released payment was replaced by a fresh one");
      assert.equal(cart.payment_session.status, "pending");
    }
    await setStock(VARIANTS.beanie, 3);
  });

  test("a cart with several lines takes all its stock or none", async () => {
    await setStock(VARIANTS.mugSand, 10);
    await setStock(VARIANTS.beanie, 2);
    const cart = await readyCart({
      items: [
        { variant_id: VARIANTS.mugSand, quantity: 3 },
        { variant_id: VARIANTS.beanie, quantity: 2 },
      ],
    });
    await setStock(VARIANTS.beanie, 1);
    const answer = await api("POST", `/store/carts/${cart.id}/complete`);
    assert.equal(answer.status, 400);
    assert.equal(await stockOf(VARIANTS.mugSand), 10, "the mugs were not taken either");
    assert.equal(await stockOf(VARIANTS.beanie), 1);
    await setStock(VARIANTS.beanie, 3);
  });

  test("backorder lets stock go below zero only where it is allowed", async () => {
    await setStock(VARIANTS.notebookBackorder, 1, { allowBackorder: true });
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.notebookBackorder, quantity: 3 }] });
    const answer = await api("POST", `/store/carts/${cart.id}/complete`);
    assert.equal(answer.body.type, "order");
    assert.equal(await stockOf(VARIANTS.notebookBackorder), -2);
  });
});
