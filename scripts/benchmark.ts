// `npm run benchmark`: prints how the store performs; figures, never pass/fail.
// Against the production build (run `npm run build` first), for SQLite and PostgreSQL (when one
// answers at TEST_POSTGRES_URL):
//   1. database queries per route of the seed guide's checkout, per cart read and per completion
//      for a 1-line and a 20-line cart (they must not grow with the number of lines)
//   2. the ceiling: requests per second of GET /api/health/live (a route that does no work)
//   3. C shoppers looping the seed guide's checkout for T seconds: checkouts/s, API requests/s and
//      their ratio to the ceiling, p50/p95/p99 per route, errors, the server's peak RSS
//   4. on PostgreSQL, the same load split over two app instances on one database
// and once: 5. the first-load JavaScript (gzip) of the home, product, cart and checkout pages.
// Settings: BENCH_SECONDS (T, default 10), BENCH_SHOPPERS (C, default 16), BENCH_ONLY=sqlite|postgres,
// BENCH_QUERIES_ONLY=1 only part 1, BENCH_SHOW_SQL=1 part 1 with each route's statements,
// BENCH_NODE_ARGS adds node flags to the servers (e.g. "--trace-gc"; STORE_HEAP_MB sets their heap),
// BENCH_CPU_PROFILE=folder writes a V8 CPU profile of the (first) server per database and prints
// where its busy time went. Every load goes to this machine's loopback only and stops by itself.
process.env.DATABASE_QUERY_EVENTS = "1";

import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { startStoreInstance, stopStoreInstance, type StoreInstance } from "../tests/support/store-server";
import { createPostgresDatabase, createSqliteDatabase, type TestDatabase } from "../tests/support/test-databases";
import { summarizeCpuProfiles } from "./cpu-profile-summary";

const root = path.resolve(import.meta.dirname, "..");
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const SHOPPERS = Number(process.env.BENCH_SHOPPERS || process.env.BENCH_CONNECTIONS || 16);
const ONLY = process.env.BENCH_ONLY;
/** BENCH_QUERIES_ONLY=1: only part 1 (query counts, no build needed), for quick checks while optimizing. */
const QUERIES_ONLY = process.env.BENCH_QUERIES_ONLY === "1";
/** BENCH_SHOW_SQL=1: part 1 also prints each route's statements (warm pass), to see what a route runs. */
const SHOW_SQL = process.env.BENCH_SHOW_SQL === "1";
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE ? path.resolve(process.env.BENCH_CPU_PROFILE) : null;

// ---------------------------------------------------------------------------------------------
// 1. Queries per route, counted in this process through the domain functions the routes call.

async function countQueries(database: TestDatabase): Promise<string[]> {
  process.env.DATABASE_URL = database.url;
  const { prepareDatabase } = await import("./prepare-database");
  await prepareDatabase({ quiet: true, seed: true, waitSeconds: 0 });
  const { db, disconnectDb, onDatabaseQuery } = await import("../lib/db/client");
  const { createCart, updateCart } = await import("../lib/commerce/cart");
  const { retrieveCart } = await import("../lib/commerce/cart-store");
  const { addLineItem } = await import("../lib/commerce/line-items");
  const { addShippingMethod, listCartShippingOptions } = await import("../lib/commerce/shipping-options");
  const { createPaymentSessions, setPaymentSession } = await import("../lib/commerce/payment-sessions");
  const { completeCart } = await import("../lib/commerce/complete-cart");
  const { listProducts, retrieveProduct } = await import("../lib/commerce/products");
  const { listRegions } = await import("../lib/commerce/regions");

  let count = 0;
  let statements: string[] = [];
  const stop = onDatabaseQuery((query) => {
    count++;
    if (SHOW_SQL) statements.push(query.replace(/\s+/g, " ").trim().slice(0, 150));
  });
  const counted = async <T>(run: () => Promise<T>): Promise<[T, number]> => {
    count = 0;
    statements = [];
    const result = await run();
    return [result, count];
  };
  const rows: string[] = [];
  try {
    // Plenty of stock everywhere, so every cart here can be bought.
    await db().productVariant.updateMany({ data: { inventoryQuantity: 1_000_000, manageInventory: true } });
    const variants = await db().productVariant.findMany({ select: { id: true }, take: 20, orderBy: { id: "asc" } });

    // Warm once (a process caches what it may), then count the steady state a busy server sees.
    for (const pass of ["first request", "warm"] as const) {
      const figures: string[] = [];
      const note = (label: string, queries: number) => {
        figures.push(`${label} ${queries}`);
        if (SHOW_SQL && pass === "warm") rows.push(`  -- ${label}`, ...statements.map((sql) => `       ${sql}`));
      };
      note("regions", (await counted(() => listRegions({ limit: 100, offset: 0 })))[1]);
      note("products", (await counted(() => listProducts({ regionId: "reg_europe", limit: 100, offset: 0 })))[1]);
      note("product", (await counted(() => retrieveProduct("canvas-tote", { regionId: "reg_europe" }).catch(() => null)))[1]);
      const [cart, create] = await counted(() => createCart({ region_id: "reg_europe" }));
      note("create", create);
      note("add line", (await counted(() => addLineItem(cart.id, { variant_id: variants[0].id, quantity: 1 })))[1]);
      note("payment sessions", (await counted(() => createPaymentSessions(cart.id)))[1]);
      note(
        "email+address",
        (await counted(() => updateCart(cart.id, { email: "bench@example.com", shipping_address: { first_name: "B", address_1: "1 Way", city: "Berlin", postal_code: "10119", country_code: "de" } })))[1],
      );
      note("select manual", (await counted(() => setPaymentSession(cart.id, "manual")))[1]);
      const [options, list] = await counted(() => listCartShippingOptions(cart.id));
      note("shipping options", list);
      note("shipping method", (await counted(() => addShippingMethod(cart.id, { option_id: options[0].id })))[1]);
      note("read", (await counted(() => retrieveCart(cart.id)))[1]);
      const [result, complete] = await counted(() => completeCart(cart.id));
      if (result.type !== "order") throw new Error("the benchmark cart did not complete");
      note("complete", complete);
      rows.push(`  per route (${pass}): ${figures.join(", ")}`);
    }

    for (const lineCount of [1, 20]) {
      const cart = await createCart({ region_id: "reg_europe", items: variants.slice(0, lineCount).map((variant) => ({ variant_id: variant.id, quantity: 1 })) });
      await updateCart(cart.id, { email: "bench@example.com", shipping_address: { first_name: "B", address_1: "1 Way", city: "Berlin", country_code: "de" } });
      await addShippingMethod(cart.id, { option_id: "so_eu_express" });
      await createPaymentSessions(cart.id);
      await setPaymentSession(cart.id, "manual");
      const [, read] = await counted(() => retrieveCart(cart.id));
      const [result, complete] = await counted(() => completeCart(cart.id));
      if (result.type !== "order") throw new Error("the benchmark cart did not complete");
      rows.push(`  ${String(lineCount).padStart(2)} line(s): cart read ${read} queries, complete ${complete} queries`);
    }
  } finally {
    stop();
    await disconnectDb();
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Load generation and figures.

class Latencies {
  private readonly byRoute = new Map<string, number[]>();
  errors = 0;
  readonly errorSamples: string[] = [];

  record(route: string, milliseconds: number) {
    const list = this.byRoute.get(route) ?? [];
    list.push(milliseconds);
    this.byRoute.set(route, list);
  }

  get total(): number {
    let sum = 0;
    for (const list of this.byRoute.values()) sum += list.length;
    return sum;
  }

  rows(): string[] {
    return [...this.byRoute].map(([route, list]) => {
      list.sort((a, b) => a - b);
      const pick = (fraction: number) => Math.round(list[Math.min(list.length - 1, Math.floor(list.length * fraction))] ?? 0);
      return `    ${route.padEnd(44)} p50 ${String(pick(0.5)).padStart(4)}  p95 ${String(pick(0.95)).padStart(4)}  p99 ${String(pick(0.99)).padStart(4)} ms  (${list.length})`;
    });
  }
}

/** CPU time (user + system) a process has used so far, in milliseconds (Linux /proc). */
function cpuMilliseconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
  } catch {
    return 0;
  }
}

/** Peak resident memory of a process and its children, sampled while a load runs. */
function watchMemory(pids: number[]) {
  const rssKb = (pid: number): number => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      return 0;
    }
  };
  const children = (pid: number): number[] => {
    try {
      const list = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
      return list.flatMap((child) => [child, ...children(child)]);
    } catch {
      return [];
    }
  };
  const peaks = new Map<number, number>();
  const sample = () => {
    for (const pid of pids) {
      const kb = [pid, ...children(pid)].reduce((sum, member) => sum + rssKb(member), 0);
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, kb));
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  return () => {
    clearInterval(timer);
    sample();
    return pids.map((pid) => Math.round((peaks.get(pid) ?? 0) / 1024));
  };
}

async function timed(latencies: Latencies, route: string, run: () => Promise<Response>): Promise<unknown> {
  const start = performance.now();
  let response: Response;
  try {
    response = await run();
  } catch (error) {
    latencies.errors++;
    if (latencies.errorSamples.length < 5) latencies.errorSamples.push(`${route}: ${String(error)}`);
    throw error;
  }
  const text = await response.text();
  latencies.record(route, performance.now() - start);
  if (!response.ok) {
    latencies.errors++;
    if (latencies.errorSamples.length < 5) latencies.errorSamples.push(`${route}: ${response.status} ${text.slice(0, 200)}`);
    throw new Error(`${route} answered ${response.status}`);
  }
  return JSON.parse(text);
}

/** One shopper's checkout, the seed guide's steps over HTTP; returns when the order exists. */
async function checkout(baseUrl: string, latencies: Latencies, variantId: string): Promise<void> {
  const api = `${baseUrl}/api/store`;
  const post = (route: string, url: string, body: unknown) =>
    timed(latencies, route, () => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  const { cart } = (await post("POST /store/carts", `${api}/carts`, { region_id: "reg_europe" })) as { cart: { id: string } };
  const cartUrl = `${api}/carts/${cart.id}`;
  await post("POST /store/carts/:id/line-items", `${cartUrl}/line-items`, { variant_id: variantId, quantity: 1 });
  await post("POST /store/carts/:id/payment-sessions", `${cartUrl}/payment-sessions`, {});
  await post("POST /store/carts/:id (email, address)", cartUrl, {
    email: "lebron@james.com",
    shipping_address: { first_name: "Lebron", last_name: "James", address_1: "Torstraße 1", city: "Berlin", postal_code: "10119", country_code: "de" },
  });
  await post("POST /store/carts/:id/payment-session", `${cartUrl}/payment-session`, { provider_id: "manual" });
  const { shipping_options } = (await timed(latencies, "GET /store/shipping-options/:cart_id", () => fetch(`${api}/shipping-options/${cart.id}`))) as {
    shipping_options: { id: string }[];
  };
  await post("POST /store/carts/:id/shipping-methods", `${cartUrl}/shipping-methods`, { option_id: shipping_options[0].id });
  const completion = (await post("POST /store/carts/:id/complete", `${cartUrl}/complete`, {})) as { type: string };
  if (completion.type !== "order") {
    latencies.errors++;
    throw new Error(`completion answered type ${completion.type}`);
  }
}

type LoadFigures = { checkoutsPerSecond: number; requestsPerSecond: number; errors: number; peakRssMb: number[]; cpuPerCheckoutMs: number };

/** C shoppers, spread over the instances, each looping the checkout until T seconds have passed. */
async function checkoutLoad(instances: StoreInstance[], shoppers: number, variantIds: string[]): Promise<LoadFigures & { latencies: Latencies }> {
  const latencies = new Latencies();
  let checkouts = 0;
  const stopWatching = watchMemory(instances.map((instance) => instance.process.pid!));
  const cpuBefore = instances.map((instance) => cpuMilliseconds(instance.process.pid!));
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: shoppers }, async (_, shopper) => {
      const instance = instances[shopper % instances.length];
      while (performance.now() < deadline) {
        try {
          await checkout(instance.url, latencies, variantIds[shopper % variantIds.length]);
          checkouts++;
        } catch {
          // counted in latencies.errors; the shopper starts over
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const peakRssMb = stopWatching();
  const serverCpu = instances.reduce((sum, instance, index) => sum + cpuMilliseconds(instance.process.pid!) - cpuBefore[index], 0);
  return {
    latencies,
    cpuPerCheckoutMs: checkouts ? Math.round((serverCpu / checkouts) * 10) / 10 : 0,
    checkoutsPerSecond: Math.round((checkouts / elapsed) * 10) / 10,
    requestsPerSecond: Math.round(latencies.total / elapsed),
    errors: latencies.errors,
    peakRssMb,
  };
}

/** Requests per second of a route under `connections` concurrent loops for T seconds. */
async function routeLoad(url: string, connections: number, seconds = SECONDS): Promise<{ perSecond: number; p50: number; p95: number; errors: number }> {
  const latencies = new Latencies();
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) await timed(latencies, "route", () => fetch(url)).catch(() => undefined);
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const [row] = latencies.rows();
  const figure = (name: string) => Number(new RegExp(`${name}\\s+(\\d+)`).exec(row ?? "")?.[1] ?? 0);
  return { perSecond: Math.round(latencies.total / elapsed), p50: figure("p50"), p95: figure("p95"), errors: latencies.errors };
}

function printLoad(label: string, figures: LoadFigures & { latencies: Latencies }, ceiling: number) {
  const ratio = ceiling ? Math.round((figures.requestsPerSecond / ceiling) * 100) : 0;
  console.log(
    `  ${label}: ${figures.checkoutsPerSecond} checkouts/s, ${figures.requestsPerSecond} API req/s (${ratio} % of the ceiling), ` +
      `${figures.errors} errors, peak RSS ${figures.peakRssMb.map((mb) => `${mb} MB`).join(" + ")}`,
  );
  // Server CPU per checkout: what the store itself spends, much less disturbed by a busy machine
  // than the rates (2 cores shared with the load generator and anything else running).
  console.log(`    server CPU per checkout: ${figures.cpuPerCheckoutMs} ms (all 8 requests)`);
  for (const row of figures.latencies.rows()) console.log(row);
  for (const sample of figures.latencies.errorSamples) console.log(`    error: ${sample}`);
}

// ---------------------------------------------------------------------------------------------
// Per database.

async function prepareStock(database: TestDatabase): Promise<string[]> {
  // Stock for every checkout the load can make; the per-instance caches are started afterwards.
  const { db, disconnectDb } = await import("../lib/db/client");
  process.env.DATABASE_URL = database.url;
  await disconnectDb();
  await db().productVariant.updateMany({ data: { inventoryQuantity: 10_000_000, manageInventory: true } });
  const variants = await db().productVariant.findMany({
    where: { prices: { some: { currencyCode: "eur" } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  await disconnectDb();
  return variants.map((variant) => variant.id);
}

/**
 * Node flags for the server: BENCH_NODE_ARGS (e.g. "--trace-gc"), and --cpu-prof with
 * BENCH_CPU_PROFILE (both refused in NODE_OPTIONS, so they go on the server's command line).
 */
function profileArgs(label: string): string[] {
  const extra = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  if (!PROFILE_DIR) return extra;
  const folder = path.join(PROFILE_DIR, label);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  return [...extra, "--cpu-prof", `--cpu-prof-dir=${folder}`];
}

async function benchmarkDatabase(database: TestDatabase) {
  console.log(`\n== ${database.dialect}: database queries`);
  for (const row of await countQueries(database)) console.log(row);
  if (QUERIES_ONLY) return;
  const variantIds = await prepareStock(database);

  const instance = await startStoreInstance({ DATABASE_URL: database.url }, `bench-${database.dialect}`, { nodeArgs: profileArgs(database.dialect) });
  let ceiling = 0;
  try {
    console.log(`== ${database.dialect}: HTTP against one production instance, ${SHOPPERS} concurrent, ${SECONDS} s each`);
    // A short warm-up so compilation and first-use caches are not in the figures.
    await routeLoad(`${instance.url}/api/health/live`, SHOPPERS, 1);
    await checkoutLoad([instance], SHOPPERS, variantIds.slice(0, 1)).catch(() => undefined);
    const live = await routeLoad(`${instance.url}/api/health/live`, SHOPPERS);
    ceiling = live.perSecond;
    console.log(`  ceiling, GET /api/health/live: ${live.perSecond} req/s  p50 ${live.p50} ms  p95 ${live.p95} ms  (${live.errors} errors)`);
    printLoad("checkout", await checkoutLoad([instance], SHOPPERS, variantIds), ceiling);
    const { cart } = (await (await fetch(`${instance.url}/api/store/carts`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ region_id: "reg_europe", items: [{ variant_id: variantIds[0], quantity: 1 }] }) })).json()) as { cart: { id: string } };
    for (const [label, url] of [
      ["GET /store/carts/:id", `${instance.url}/api/store/carts/${cart.id}`],
      ["GET /store/products?region_id", `${instance.url}/api/store/products?region_id=reg_europe`],
    ]) {
      const figures = await routeLoad(url, SHOPPERS, Math.max(2, SECONDS / 2));
      console.log(`  ${label.padEnd(34)} ${String(figures.perSecond).padStart(5)} req/s  p50 ${figures.p50} ms  p95 ${figures.p95} ms  (${figures.errors} errors)`);
    }
  } finally {
    await stopStoreInstance(instance);
  }
  if (PROFILE_DIR) {
    console.log(`== ${database.dialect}: CPU profile of the server (whole run), by self time`);
    for (const row of summarizeCpuProfiles(path.join(PROFILE_DIR, database.dialect))) console.log(row);
  }

  if (database.dialect === "postgres") {
    console.log(`== postgres: the same checkout load over two instances on one database`);
    const second = await Promise.all([
      startStoreInstance({ DATABASE_URL: database.url }, "bench-postgres-a"),
      startStoreInstance({ DATABASE_URL: database.url }, "bench-postgres-b"),
    ]);
    try {
      await checkoutLoad(second, SHOPPERS, variantIds.slice(0, 1)).catch(() => undefined);
      printLoad("two instances", await checkoutLoad(second, SHOPPERS, variantIds), ceiling);
    } finally {
      await Promise.all(second.map(stopStoreInstance));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// 5. First-load JavaScript of the pages, from the production build.
// `BENCH_ONLY=js npm run benchmark` runs only this section (no database load, under a minute),
// and prints each script with BENCH_JS_DETAIL=1.

function distDir(): string {
  return path.join(root, process.env.NEXT_DIST_DIR || ".next");
}

async function firstLoadJavaScript(): Promise<void> {
  const database = createSqliteDatabase("bench-pages");
  process.env.DATABASE_URL = database.url;
  const { prepareDatabase } = await import("./prepare-database");
  await prepareDatabase({ quiet: true, seed: true, waitSeconds: 0 });
  const instance = await startStoreInstance({ DATABASE_URL: database.url }, "bench-pages");
  try {
    const products = (await (await fetch(`${instance.url}/api/store/products?limit=1`)).json()) as { products: { handle: string; variants: { id: string }[] }[] };
    // Every page as a shopper with a 1-line cart sees it (with none, the cart and checkout pages
    // render only an "empty cart" note).
    const { cart } = (await (
      await fetch(`${instance.url}/api/store/carts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ region_id: "reg_europe", items: [{ variant_id: products.products[0].variants[0].id, quantity: 1 }] }),
      })
    ).json()) as { cart: { id: string } };
    console.log(`\n== first-load JavaScript, gzip (Stripe.js, loaded from Stripe, excluded; a shopper with a 1-line cart)`);
    for (const [label, page] of [
      ["home", "/"],
      ["product", `/products/${products.products[0].handle}`],
      ["cart", "/cart"],
      ["checkout", "/checkout"],
    ]) {
      const html = await (await fetch(`${instance.url}${page}`, { headers: { cookie: `cart_id=${cart.id}` } })).text();
      // A noModule script (Next's legacy polyfills) is never fetched by a browser that runs modules.
      const tags = [...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]).filter((tag) => !/\snomodule/i.test(tag));
      const sources = new Set(tags.flatMap((tag) => tag.match(/\ssrc="([^"]+)"/)?.[1] ?? []));
      let raw = 0;
      let gzip = 0;
      const detail: [string, number][] = [];
      for (const source of sources) {
        const pathname = new URL(source, instance.url).pathname;
        if (!pathname.startsWith("/_next/static/")) continue; // not ours (e.g. Stripe.js)
        const file = path.join(distDir(), "static", decodeURIComponent(pathname.slice("/_next/static/".length)));
        const content = fs.readFileSync(file);
        raw += content.length;
        const size = zlib.gzipSync(content, { level: 9 }).length;
        gzip += size;
        detail.push([pathname, size]);
      }
      console.log(`  ${label.padEnd(9)} ${(gzip / 1024).toFixed(1).padStart(6)} kB gzip  (${(raw / 1024).toFixed(0)} kB raw, ${sources.size} scripts)`);
      if (process.env.BENCH_JS_DETAIL) for (const [source, size] of detail) console.log(`      ${(size / 1024).toFixed(1).padStart(6)} kB  ${source}`);
    }
  } finally {
    await stopStoreInstance(instance);
    await database.drop();
  }
}

// ---------------------------------------------------------------------------------------------

if (!QUERIES_ONLY && !fs.existsSync(path.join(distDir(), "BUILD_ID"))) {
  console.error("benchmark: no production build; run `npm run build` first");
  process.exit(1);
}
console.log(`benchmark: ${SHOPPERS} shoppers, ${SECONDS} s per load, load generator on this machine (${process.env.BENCH_NOTE ?? "figures are noisy on a shared machine"})`);
for (const dialect of ["sqlite", "postgres"] as const) {
  if (ONLY && ONLY !== dialect) continue;
  const database = dialect === "sqlite" ? createSqliteDatabase("bench") : await createPostgresDatabase("bench");
  if (!database) {
    console.log("\n== postgres: SKIPPED (no server reachable; set TEST_POSTGRES_URL)");
    continue;
  }
  try {
    await benchmarkDatabase(database);
  } finally {
    await database.drop();
  }
}
if (!QUERIES_ONLY) await firstLoadJavaScript();
process.exit(0);
