// Property-based fuzzing (fast-check) of every Store API route and the Stripe webhook, at a size
// that fits CI; `npm run fuzz` runs the same properties far longer. See tests/support/fuzz.ts.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { api, expectOk, readyCart, STORE_URLS, VARIANTS, createCart } from "../support/store-api";
import { db, disconnectDb } from "../../lib/db/client";
import { signedInShopper } from "../support/fuzz-account";
import { fuzzConcurrently, fuzzSequentially, storeRequest, webhookRequest, type FuzzFixtures, type FuzzTally } from "../support/fuzz";

const dialect = process.env.TEST_DIALECT ?? "sqlite";
const size = Number(process.env.FUZZ_CI_SCALE ?? 1);
let fixtures: FuzzFixtures;
const tally: FuzzTally = { requests: 0, serverErrors: 0, refusalsHashed: 0, problems: [] };

before(async () => {
  const open = await createCart([{ variant_id: VARIANTS.teeSmallWhite, quantity: 1 }, { variant_id: VARIANTS.mugSand, quantity: 2 }]);
  const ready = await readyCart({ items: [{ variant_id: VARIANTS.bottleUnmanaged, quantity: 1 }] });
  const toComplete = await readyCart({ items: [{ variant_id: VARIANTS.notebookBackorder, quantity: 1 }] });
  const completed = await api("POST", `/store/carts/${toComplete.id}/complete`);
  assert.equal(completed.body.type, "order");
  const empty = await createCart();
  const { products } = expectOk(await api("GET", "/store/products?limit=5"), "products");
  const account = await signedInShopper();
  fixtures = {
    cartIds: [open.id, ready.id, toComplete.id, empty.id],
    lineIds: [...open.items, ...ready.items, ...toComplete.items].map((item: { id: string }) => item.id),
    variantIds: Object.values(VARIANTS),
    regionIds: ["reg_europe", "reg_unitedstates"],
    productIds: products.map((product: { id: string }) => product.id),
    orderIds: [completed.body.data.id],
    webhookSecret: process.env.STRIPE_WEBHOOK_SECRET?.trim() || null,
    customerToken: account.token,
    addressIds: account.addressIds,
  };
});
after(async () => {
  console.log(`fuzz (${dialect}): ${tally.requests} requests, ${tally.serverErrors} answered 5xx, ${tally.refusalsHashed} refusals checked against a whole-database hash`);
  await disconnectDb();
});

describe("fuzzing the Store API and the webhook", () => {
  test("one request at a time: never a 5xx, and a refused request leaves the whole database unchanged", async () => {
    await fuzzSequentially({ baseUrl: STORE_URLS[0], db: db(), dialect, arbitrary: storeRequest(fixtures), runs: 150 * size, tally });
    await fuzzSequentially({ baseUrl: STORE_URLS[0], db: db(), dialect, arbitrary: webhookRequest(fixtures), runs: 40 * size, tally });
    assert.deepEqual(tally.problems, []);
  });

  test("many at once over both instances: never a 5xx, every error JSON", async () => {
    await fuzzConcurrently({ baseUrls: STORE_URLS, arbitrary: storeRequest(fixtures), count: 500 * size, concurrency: 8, tally });
    await fuzzConcurrently({ baseUrls: STORE_URLS, arbitrary: webhookRequest(fixtures), count: 100 * size, concurrency: 8, tally });
    assert.deepEqual(tally.problems.slice(0, 5), []);
    assert.equal(tally.serverErrors, 0);
  });
});
