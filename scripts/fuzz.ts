// `npm run fuzz`: the fuzz properties of tests/support/fuzz.ts run long, against the production
// build (run `npm run build` first), on SQLite and on PostgreSQL (when one answers at
// TEST_POSTGRES_URL), two app instances per database, Stripe through the offline emulator.
// Prints the requests tried, how many were answered 5xx (must be 0) and how many refusals were
// checked against a whole-database hash; exits 1 on any problem.
// Settings: FUZZ_RUNS (sequential requests per database, default 3000; the concurrent phase sends
// five times as many), FUZZ_SEED (replay a run), FUZZ_ONLY=sqlite|postgres.
import fc from "fast-check";
import { prepareDatabase } from "./prepare-database";
import { startStoreInstance, stopStoreInstance, freePort, type StoreInstance } from "../tests/support/store-server";
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from "../tests/support/test-databases";
import type { FuzzFixtures, FuzzTally } from "../tests/support/fuzz";
import { signedInShopper } from "../tests/support/fuzz-account";

const RUNS = Number(process.env.FUZZ_RUNS || 3_000);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2_147_483_647;
const ONLY = process.env.FUZZ_ONLY;
const WEBHOOK_SECRET = "whsec_fuzz_offline_emulator";

async function fixturesFor(baseUrl: string): Promise<FuzzFixtures> {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api${path}`, { method, headers: body === undefined ? {} : { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = await response.json();
    if (!response.ok) throw new Error(`fixtures: ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const { products } = await call("GET", "/store/products?limit=20");
  const variantIds: string[] = products.flatMap((product: { variants: { id: string }[] }) => product.variants.map((variant) => variant.id));
  const cart = async (items: number) => (await call("POST", "/store/carts", { region_id: "reg_europe", items: variantIds.slice(0, items).map((variant_id) => ({ variant_id, quantity: 1 })) })).cart;
  const open = await cart(2);
  const ready = await cart(1);
  await call("POST", `/store/carts/${ready.id}`, { email: "fuzz@example.com", shipping_address: { first_name: "Fuzz", address_1: "Torstraße 1", city: "Berlin", postal_code: "10119", country_code: "de" } });
  const { shipping_options } = await call("GET", `/store/shipping-options/${ready.id}`);
  await call("POST", `/store/carts/${ready.id}/shipping-methods`, { option_id: shipping_options[0].id });
  await call("POST", `/store/carts/${ready.id}/payment-sessions`, {});
  await call("POST", `/store/carts/${ready.id}/payment-session`, { provider_id: "manual" });
  return {
    cartIds: [open.id, ready.id, (await cart(0)).id],
    lineIds: [...open.items, ...ready.items].map((item: { id: string }) => item.id),
    variantIds,
    regionIds: ["reg_europe", "reg_unitedstates"],
    productIds: products.map((product: { id: string }) => product.id),
    orderIds: ["order_01JZZZZZZZZZZZZZZZZZZZZZZZ"],
    webhookSecret: WEBHOOK_SECRET,
    ...(await signedInShopper(baseUrl).then((account) => ({ customerToken: account.token, addressIds: account.addressIds }))),
  };
}

async function fuzzDatabase(database: TestDatabase, stripeEnv: Record<string, string>): Promise<FuzzTally> {
  const tally: FuzzTally = { requests: 0, serverErrors: 0, refusalsHashed: 0, problems: [] };
  const instances: StoreInstance[] = [];
  process.env.DATABASE_URL = database.url;
  try {
    await prepareDatabase({ quiet: true, seed: true, waitSeconds: 0 });
    for (const index of [1, 2]) instances.push(await startStoreInstance({ ...stripeEnv, DATABASE_URL: database.url }, `fuzz-${database.dialect}-${index}`));
    const { db, disconnectDb } = await import("../lib/db/client");
    const { fuzzConcurrently, fuzzSequentially, storeRequest, webhookRequest } = await import("../tests/support/fuzz");
    const fixtures = await fixturesFor(instances[0].url);
    const started = Date.now();
    try {
      await fuzzSequentially({ baseUrl: instances[0].url, db: db(), dialect: database.dialect, arbitrary: fc.oneof({ weight: 5, arbitrary: storeRequest(fixtures) }, { weight: 1, arbitrary: webhookRequest(fixtures) }), runs: RUNS, seed: SEED, tally });
    } catch (error) {
      if (!tally.problems.length) tally.problems.push(String(error));
    }
    await fuzzConcurrently({ baseUrls: instances.map((instance) => instance.url), arbitrary: fc.oneof({ weight: 5, arbitrary: storeRequest(fixtures) }, { weight: 1, arbitrary: webhookRequest(fixtures) }), count: RUNS * 5, concurrency: 16, seed: SEED, tally });
    console.log(`fuzz ${database.dialect}: ${tally.requests} requests in ${Math.round((Date.now() - started) / 1000)} s, ${tally.serverErrors} answered 5xx, ${tally.refusalsHashed} refusals checked against a whole-database hash, ${tally.problems.length} problems`);
    await disconnectDb();
  } finally {
    await Promise.all(instances.map(stopStoreInstance));
    await database.drop();
  }
  return tally;
}

const { startStripeEmulator } = await import("../tests/stripe-emulator/emulator.mjs");
const emulator = await startStripeEmulator({ port: await freePort(), webhookSecret: WEBHOOK_SECRET });
const stripeEnv = { STRIPE_SECRET_KEY: "sk_test_emulator", STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_BASE: emulator.url, NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_emulator" };
console.log(`fuzz: ${RUNS} sequential and ${RUNS * 5} concurrent requests per database, seed ${SEED} (FUZZ_SEED=${SEED} replays it)`);
const totals: FuzzTally = { requests: 0, serverErrors: 0, refusalsHashed: 0, problems: [] };
try {
  const databases = [ONLY === "postgres" ? null : createSqliteDatabase("fuzz"), ONLY === "sqlite" ? null : await createPostgresDatabase("fuzz")];
  if (ONLY !== "sqlite" && !databases[1]) console.log("fuzz: PostgreSQL SKIPPED, no server at TEST_POSTGRES_URL");
  for (const database of databases) {
    if (!database) continue;
    const tally = await fuzzDatabase(database, stripeEnv);
    totals.requests += tally.requests;
    totals.serverErrors += tally.serverErrors;
    totals.refusalsHashed += tally.refusalsHashed;
    totals.problems.push(...tally.problems.map((problem) => `${database.dialect}: ${problem}`));
  }
} finally {
  await emulator.close();
}
console.log(`\nfuzz total: ${totals.requests} requests tried, ${totals.serverErrors} answered 5xx, ${totals.refusalsHashed} refused requests checked against a whole-database hash`);
for (const problem of totals.problems.slice(0, 20)) console.log(`  - ${problem}`);
process.exit(totals.problems.length || totals.serverErrors ? 1 : 0);
