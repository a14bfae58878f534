// Migrates the database DATABASE_URL names (a SQLite file inside the project by default), waiting
// for it a while when it is not reachable yet, and seeds demo data only where that is asked for:
//   - the default SQLite file (DATABASE_URL unset) seeds itself when empty, so `npm start` shows a
//     working shop with nothing to set up
//   - any other database only with `npm run seed`, SEED_DEMO_DATA=1, or { seed: true } (the tests):
//     demo discount codes must never appear in a real store by accident
// Run by `npm start`, `npm run dev`, `npm run seed` and the tests.
import { seedDemoStoreIfEmpty } from "../prisma/seed";
import { db, disconnectDb } from "../lib/db/client";
import { classifyDatabaseError, describeDatabaseError } from "../lib/db/database-errors";
import { DEFAULT_SQLITE_URL, describeDatabaseTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";

export type PrepareOptions = {
  quiet?: boolean;
  /** true: seed when empty; false: never; unset: only the default SQLite file or SEED_DEMO_DATA=1. */
  seed?: boolean;
  /** How long to keep trying a database that is not reachable (DATABASE_START_WAIT_SECONDS, 60). */
  waitSeconds?: number;
};

/** A start-up failure the operator can act on: printed as one clear message, no stack trace. */
export class DatabaseNotReady extends Error {}

export function shouldSeed(option: boolean | undefined, env: Record<string, string | undefined> = process.env): boolean {
  if (option !== undefined) return option;
  if (env.SEED_DEMO_DATA === "1" || env.SEED_DEMO_DATA === "true") return true;
  return !env.DATABASE_URL?.trim() || env.DATABASE_URL.trim() === DEFAULT_SQLITE_URL;
}

export async function prepareDatabase(options: PrepareOptions = {}): Promise<void> {
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const target = resolveDatabaseTarget();
  const where = describeDatabaseTarget(target);
  log(`database: ${where}`);
  const waitSeconds = options.waitSeconds ?? Number(process.env.DATABASE_START_WAIT_SECONDS ?? 60);
  const deadline = Date.now() + waitSeconds * 1000;
  let applied: string[];
  for (let attempt = 1; ; attempt++) {
    try {
      applied = await applyMigrations(target);
      break;
    } catch (error) {
      const reason = describeDatabaseError(error);
      if (classifyDatabaseError(error) !== "unavailable") throw new DatabaseNotReady(`database: could not migrate ${where}: ${reason}`);
      const pause = Math.min(5, attempt);
      if (Date.now() + pause * 1000 > deadline) {
        throw new DatabaseNotReady(`database: gave up after ${waitSeconds} s: ${where}: ${reason}. Check DATABASE_URL and that the server is up.`);
      }
      console.log(`database: not reachable yet (${reason}); trying again in ${pause} s`);
      await new Promise((resolve) => setTimeout(resolve, pause * 1000));
    }
  }
  log(applied.length ? `database: applied ${applied.join(", ")}` : "database: migrations up to date");
  if (shouldSeed(options.seed)) {
    if (await seedDemoStoreIfEmpty(db())) log("database: seeded the demo store");
  }
  await disconnectDb();
}

/** Prints a start-up failure without a stack trace when it is one the operator can act on. */
export function exitOnStartupError(error: unknown): never {
  console.error(error instanceof DatabaseNotReady ? error.message : error);
  process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seed = process.argv.includes("--seed") ? true : undefined;
  prepareDatabase({ seed }).catch(exitOnStartupError);
}
