// `npm run benchmark`: prints how the store performs; figures, not pass/fail.
//   1. database queries per cart read and per completion, for a 1-line and a 20-line cart
//      (must not grow with the number of lines), on SQLite and on PostgreSQL when reachable
//   2. requests per second and latency of a cart read and of adding a line, over HTTP against
//      the production build (run `npm run build` first), and the server's memory after the load
// Every load goes to this machine's loopback only and stops by itself.
process.env.DATABASE_QUERY_EVENTS = "1";

import fs from "node:fs";
import { startStoreInstance, stopStoreInstance } from "../tests/support/store-server";
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from "../tests/support/test-databases";

const LOAD_SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 16);

async function countQueriesPerOperation(database: TestDatabase) {
  process.env.DATABASE_URL = database.url;
  const { prepareDatabase } = await import("./prepare-database");
  await prepareDatabase({ quiet: true, seed: true, waitSeconds: 0 });
  const { db, disconnectDb, onDatabaseQuery } = await import("../lib/db/client");
  const { createCart, retrieveCart, updateCart } = await import("../lib/commerce/cart");
  const { addShippingMethod } = await import("../lib/commerce/shipping-options");
  const { createPaymentSessions, setPaymentSession } = await import("../lib/commerce/payment-sessions");
  const { completeCart } = await import("../lib/commerce/complete-cart");

  // Plenty of stock everywhere, so the 20-line cart can be bought.
  await db().productVariant.updateMany({ data: { inventoryQuantity: 1_000_000, manageInventory: true } });
  const variants = await db().productVariant.findMany({ select: { id: true }, take: 20, orderBy: { id: "asc" } });

  const rows: string[] = [];
  for (const lineCount of [1, 20]) {
    const cart = await createCart({ region_id: "reg_europe", items: variants.slice(0, lineCount).map((variant) => ({ variant_id: variant.id, quantity: 1 })) });
    await updateCart(cart.id, { email: "bench@example.com", shipping_address: { first_name: "B", address_1: "1 Way", city: "Berlin", country_code: "de" } });
    await addShippingMethod(cart.id, { option_id: "so_eu_express" });
    await createPaymentSessions(cart.id);
    await setPaymentSession(cart.id, "manual");

    let count = 0;
    const stop = onDatabaseQuery(() => count++);
    await retrieveCart(cart.id);
    const readQueries = count;
    count = 0;
    const result = await completeCart(cart.id);
    const completeQueries = count;
    stop();
    if (result.type !== "order") throw new Error("the benchmark cart did not complete");
    rows.push(`  ${String(lineCount).padStart(2)} line(s): cart read ${readQueries} queries, complete ${completeQueries} queries`);
  }
  await disconnectDb();
  return rows;
}

type LoadResult = { requests: number; errors: number; perSecond: number; p50: number; p95: number };

async function load(name: string, request: () => Promise<Response>): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + LOAD_SECONDS * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        const start = performance.now();
        const response = await request().catch(() => null);
        latencies.push(performance.now() - start);
        if (!response || !response.ok) errors++;
        await response?.arrayBuffer().catch(() => undefined);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const pick = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * fraction))] ?? 0;
  const result = {
    requests: latencies.length,
    errors,
    perSecond: Math.round(latencies.length / ((Date.now() - started) / 1000)),
    p50: Math.round(pick(0.5)),
    p95: Math.round(pick(0.95)),
  };
  console.log(`  ${name.padEnd(34)} ${String(result.perSecond).padStart(5)} req/s  p50 ${result.p50} ms  p95 ${result.p95} ms  (${result.requests} requests, ${errors} errors)`);
  return result;
}

function residentMemoryMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

async function httpLoad(database: TestDatabase) {
  process.env.DATABASE_URL = database.url;
  const instance = await startStoreInstance({ DATABASE_URL: database.url }, `bench-${database.dialect}`);
  try {
    const post = (path: string, body: unknown) =>
      fetch(`${instance.url}/api${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const { cart } = await (await post("/store/carts", { region_id: "reg_europe", items: [{ variant_id: "variant_canvastoteonesize", quantity: 1 }] })).json();
    await load("GET /store/carts/:id", () => fetch(`${instance.url}/api/store/carts/${cart.id}`));
    await load("GET /store/products?region_id", () => fetch(`${instance.url}/api/store/products?region_id=reg_europe`));
    const carts = await Promise.all(Array.from({ length: CONNECTIONS }, async () => (await (await post("/store/carts", { region_id: "reg_europe" })).json()).cart.id as string));
    let next = 0;
    await load("POST /store/carts/:id/line-items", () =>
      post(`/store/carts/${carts[next++ % carts.length]}/line-items`, { variant_id: "variant_steelwaterbottle750ml", quantity: 1 }),
    );
    console.log(`  server memory after the load: ${residentMemoryMb(instance.process.pid!)} MB resident`);
  } finally {
    await stopStoreInstance(instance);
  }
}

for (const make of [() => Promise.resolve(createSqliteDatabase("bench")), () => createPostgresDatabase("bench")]) {
  const database = await make();
  if (!database) {
    console.log("\nPostgreSQL: SKIPPED (no server reachable; set TEST_POSTGRES_URL)");
    continue;
  }
  try {
    console.log(`\n${database.dialect}: database queries`);
    for (const row of await countQueriesPerOperation(database)) console.log(row);
    console.log(`${database.dialect}: HTTP, ${CONNECTIONS} connections, ${LOAD_SECONDS} s each`);
    await httpLoad(database);
  } finally {
    await database.drop();
  }
}
process.exit(0);
