// `npm test`: every suite, in order, against the production build.
//   0. static    ESLint, tsc --noEmit, the Prisma schemas match prisma/models.prisma, and each
//                dialect's migrations produce its schema
//   1. unit      pure rules (totals, shipping requirements, status maps, …) and the Stripe emulator
//   2. api       the Store API over real HTTP, on SQLite and on PostgreSQL, two app instances
//                per database (rules must hold across processes), Stripe through the emulator
//   3. e2e       Playwright journeys in Debian's Chromium against a fresh store
// Stripe: offline through tests/stripe-emulator unless STRIPE_SECRET_KEY is set and
// STRIPE_API_BASE is not, in which case the same suites run against real Stripe test mode.
// Options: --suite static|unit|api|e2e (repeatable) runs only those suites; --only TEXT (repeatable)
// keeps only the test files whose name contains TEXT; --dialect sqlite|postgres runs the API suite
// on that database alone; --no-build reuses the build in .next (development shortcuts: the full
// run is what CI runs).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-database";
import { startStoreInstance, stopStoreInstance, freePort, type StoreInstance } from "../tests/support/store-server";
import { createPostgresDatabase, createSqliteDatabase, POSTGRES_ADMIN_URL, type TestDatabase } from "../tests/support/test-databases";

const root = path.resolve(import.meta.dirname, "..");
type Env = Record<string, string | undefined>;
const requested = process.argv.flatMap((arg, index, all) => (all[index - 1] === "--suite" ? [arg] : []));
const wants = (suite: string) => requested.length === 0 || requested.includes(suite);
const onlyFiles = process.argv.flatMap((arg, index, all) => (all[index - 1] === "--only" ? [arg] : []));
const onlyDialect = process.argv.find((_, index, all) => all[index - 1] === "--dialect");

type Tally = { passed: number; failed: number; skipped: number };
const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const problems: string[] = [];

function banner(text: string) {
  console.log(`\n${"=".repeat(78)}\n${text}\n${"=".repeat(78)}`);
}

/**
 * Runs a test command, echoing its output, and adds its closing counts to the tally. `buffered`
 * (for suites running side by side) prints the output in one piece when the command ends.
 */
async function runTests(label: string, command: string, args: string[], env: Env = {}, options: { buffered?: boolean } = {}): Promise<void> {
  if (options.buffered) console.log(`started: ${label} (its output follows when it ends)`);
  else banner(label);
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer, stream: NodeJS.WriteStream) => {
    output += chunk.toString();
    if (!options.buffered) stream.write(chunk);
  };
  child.stdout.on("data", (chunk: Buffer) => collect(chunk, process.stdout));
  child.stderr.on("data", (chunk: Buffer) => collect(chunk, process.stderr));
  const code = await new Promise<number>((resolve) => child.on("close", (exitCode) => resolve(exitCode ?? 1)));
  if (options.buffered) {
    banner(label);
    process.stdout.write(output);
  }
  const count = (pattern: RegExp) => [...output.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
  // node:test closes with "# pass N" / "# fail N" / "# skipped N"; Playwright with "N passed" etc.
  const passed = count(/^# pass (\d+)$/gm) + count(/^\s+(\d+) passed/gm);
  const failed = count(/^# fail (\d+)$/gm) + count(/^\s+(\d+) failed/gm);
  const skipped = count(/^# skipped (\d+)$/gm) + count(/^\s+(\d+) skipped/gm);
  tally.passed += passed;
  tally.failed += failed;
  tally.skipped += skipped;
  if (code !== 0 || failed > 0) problems.push(`${label}: exit code ${code}, ${failed} failed`);
  else if (passed === 0) problems.push(`${label}: ran no test`);
}

const testFiles = (folder: string, suffix: string) =>
  fs.existsSync(path.join(root, folder))
    ? fs
        .readdirSync(path.join(root, folder))
        .filter((file) => file.endsWith(suffix) && (onlyFiles.length === 0 || onlyFiles.some((text) => file.includes(text))))
        .sort()
        .map((file) => path.join(folder, file))
    : [];

// Piped (not a terminal), node:test reports in TAP, whose closing "# pass N" lines are counted.
async function runNodeTests(label: string, files: string[], env: Env = {}, options: { buffered?: boolean } = {}) {
  await runTests(label, process.execPath, ["--import", "tsx", "--test", "--test-concurrency", "1", ...files], env, options);
}

/** A check that passes or fails as a whole (exit code 0); exit code 3 means it skipped a part. */
async function runCheck(label: string, command: string, args: string[]) {
  banner(label);
  const child = spawn(command, args, { cwd: root, env: process.env, stdio: ["ignore", "inherit", "inherit"] });
  const code = await new Promise<number>((resolve) => child.on("close", (exitCode) => resolve(exitCode ?? 1)));
  if (code === 0) tally.passed += 1;
  else if (code === 3) {
    tally.passed += 1;
    problems.push(`SKIPPED: part of ${label} (see its output)`);
  } else {
    tally.failed += 1;
    problems.push(`${label}: exit code ${code}`);
  }
}

type StripeSetup = { env: Env; emulator: { url: string; close(): Promise<void> | void; setWebhookUrl(url: string): void } | null };

const realStripe = Boolean(process.env.STRIPE_SECRET_KEY && !process.env.STRIPE_API_BASE);
const WEBHOOK_SECRET = "whsec_test_offline_emulator";

async function startStripe(): Promise<StripeSetup> {
  if (realStripe) {
    console.log("stripe: REAL Stripe test mode (STRIPE_SECRET_KEY set, STRIPE_API_BASE unset)");
    return { env: {}, emulator: null };
  }
  const { startStripeEmulator } = await import("../tests/stripe-emulator/emulator.mjs");
  const emulator = await startStripeEmulator({ port: await freePort(), webhookSecret: WEBHOOK_SECRET });
  return {
    emulator,
    env: {
      STRIPE_SECRET_KEY: "sk_test_emulator",
      NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY: "pk_test_emulator",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: emulator.url,
      STRIPE_EMULATOR_URL: emulator.url,
    },
  };
}

let preparing: Promise<unknown> = Promise.resolve();

/** Migrates and seeds the database, starts the instances, runs fn, and always cleans up. */
async function withStore(
  database: TestDatabase,
  instanceCount: number,
  extraEnv: Env,
  fn: (instances: StoreInstance[], env: Env) => Promise<void>,
) {
  const env = { ...extraEnv, DATABASE_URL: database.url };
  const instances: StoreInstance[] = [];
  const previousUrl = process.env.DATABASE_URL;
  try {
    // prepareDatabase reads DATABASE_URL from the environment: one database at a time.
    const prepared = preparing.then(async () => {
      process.env.DATABASE_URL = database.url;
      try {
        await prepareDatabase({ quiet: true, seed: true, waitSeconds: 0 });
      } finally {
        process.env.DATABASE_URL = previousUrl;
      }
    });
    preparing = prepared.catch(() => undefined);
    await prepared;
    for (let index = 0; index < instanceCount; index++) {
      const port = realStripe && index === 0 ? Number(process.env.STORE_TEST_PORT || 4100) : undefined;
      instances.push(await startStoreInstance({ ...env, ...(port ? { PORT: String(port) } : {}) }, `${database.dialect}-${index + 1}`));
    }
    await fn(instances, env);
  } finally {
    process.env.DATABASE_URL = previousUrl;
    await Promise.all(instances.map(stopStoreInstance));
    await database.drop();
  }
}

async function main() {
  fs.rmSync(path.join(root, "test-results"), { recursive: true, force: true });
  fs.mkdirSync(path.join(root, "test-results"), { recursive: true });

  if (wants("static")) {
    const bin = (name: string) => path.join(root, "node_modules/.bin", name);
    await runCheck("static: ESLint", bin("eslint"), ["."]);
    await runCheck("static: tsc --noEmit", bin("tsc"), ["--noEmit"]);
    await runCheck("static: prisma/{sqlite,postgres}/schema.prisma match prisma/models.prisma", process.execPath, ["scripts/generate-prisma-clients.mjs", "--check"]);
    await runCheck("static: each dialect's migrations produce its schema", process.execPath, ["scripts/check-migrations.mjs"]);
  }

  if (wants("unit")) {
    await runNodeTests("unit tests", [...testFiles("tests/unit", ".test.ts"), ...testFiles("tests/stripe-emulator", ".test.mjs")]);
  }

  if ((wants("api") || wants("e2e")) && process.argv.includes("--no-build")) {
    banner("production build: skipped (--no-build), using the build already in .next");
  } else if (wants("api") || wants("e2e")) {
    banner("production build (npm run build: next build, then the store server)");
    const build = spawnSync("npm", ["run", "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("npm run build failed");
  }

  const stripe = wants("api") || wants("e2e") ? await startStripe() : null;
  try {
    if (wants("api") && stripe) {
      const apiFiles = testFiles("tests/api", ".test.ts");
      const databases: (TestDatabase | null)[] = [
        ...(onlyDialect === "postgres" ? [] : [createSqliteDatabase("api")]),
        ...(onlyDialect === "sqlite" ? [] : [await createPostgresDatabase("api")]),
      ];
      // The two databases' suites run side by side (each with its own Stripe emulator, whose
      // webhooks go to its own instances); against real Stripe, one webhook endpoint, so in turn.
      const sideBySide = !realStripe && databases.length > 1;
      const runSuite = async (database: TestDatabase | null) => {
        if (!database) {
          const message = `SKIPPED: the PostgreSQL API suite. No server answered at ${POSTGRES_ADMIN_URL.replace(/\/\/[^@]*@/, "//")}; set TEST_POSTGRES_URL or start PostgreSQL to run it.`;
          banner(`!!! ${message}`);
          problems.push(message);
          return;
        }
        const own = sideBySide ? await startStripe() : stripe;
        try {
          // Without SMTP_URL the instances keep their emails in the mailbox (the database and
          // .eml files in MAILBOX_DIR, which the tests read too); tests/api/order-emails.test.ts
          // starts its own instances with an SMTP server of its own.
          const mailEnv = { MAILBOX_DIR: path.join(root, "test-results", "mailbox", database.dialect), EVENTS_POLL_MS: "250" };
          await withStore(database, 2, { ...own.env, ...mailEnv }, async (instances, env) => {
            own.emulator?.setWebhookUrl(`${instances[0].url}/api/stripe/hooks`);
            await runNodeTests(
              `API tests on ${database.dialect} (${instances.length} app instances)`,
              apiFiles,
              { ...env, STORE_URLS: instances.map((instance) => instance.url).join(","), TEST_DIALECT: database.dialect },
              { buffered: sideBySide },
            );
          });
        } finally {
          if (own !== stripe) await own.emulator?.close();
        }
      };
      if (sideBySide) await Promise.all(databases.map(runSuite));
      else for (const database of databases) await runSuite(database);
    }

    const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
    if (wants("e2e") && stripe && !fs.existsSync(chromium)) {
      const message = `SKIPPED: the browser journeys. No Chromium at ${chromium}; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`;
      banner(`!!! ${message}`);
      problems.push(message);
    } else if (wants("e2e") && stripe) {
      // The journeys read the confirmation in the back office mailbox (no SMTP_URL: the mailbox keeps it).
      const mailEnv = { MAILBOX_DIR: path.join(root, "test-results", "mailbox", "e2e"), EVENTS_POLL_MS: "250" };
      await withStore(createSqliteDatabase("e2e"), 1, { ...stripe.env, ...mailEnv }, async ([instance], env) => {
        stripe.emulator?.setWebhookUrl(`${instance.url}/api/stripe/hooks`);
        await runTests("browser journeys (Playwright, Chromium)", path.join(root, "node_modules/.bin/playwright"), ["test", ...onlyFiles], {
          ...env,
          BASE_URL: instance.url,
        });
      });
    }
  } finally {
    await stripe?.emulator?.close();
  }

  banner("summary");
  const skippedSuite = problems.some((problem) => problem.startsWith("SKIPPED"));
  if (skippedSuite && process.env.CI) problems.push("CI=true: every suite must run, so a skipped suite fails the run");
  for (const problem of problems) console.log(`  - ${problem}`);
  console.log(`Summary: ${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
  const failed = tally.failed > 0 || problems.some((problem) => !problem.startsWith("SKIPPED"));
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log(`Summary: ${tally.passed} passed, ${tally.failed + 1} failed, ${tally.skipped} skipped`);
  process.exit(1);
});
