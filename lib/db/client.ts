// One Prisma client per process, on the driver adapter that DATABASE_URL names.
// Both dialects are generated from one model file, so the two clients have the same API;
// the rest of the code sees a single `Db` type.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-url";
import { retryOnConflict } from "./database-errors";
import { tunedSqliteAdapter } from "./sqlite-connection";

export type Db = SqliteClient;
export type DbTransaction = Prisma.TransactionClient;
export { Prisma };

// DATABASE_QUERY_EVENTS=1 makes the client report each query to onDatabaseQuery listeners
// (the benchmark counts them); off by default, as event emission costs a little per query.
const queryEvents = process.env.DATABASE_QUERY_EVENTS === "1";
const queryListeners = new Set<(query: string) => void>();

export function onDatabaseQuery(listener: (query: string) => void): () => void {
  if (!queryEvents) throw new Error("Set DATABASE_QUERY_EVENTS=1 before the client is created to observe queries");
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

/**
 * How long the store waits on its database before it answers 503 instead of hanging:
 *   connect    opening a connection (PostgreSQL)
 *   statement  one statement: PostgreSQL's statement_timeout on the server, and the same bound
 *              (plus a little) on the client for a server that accepts connections but never answers
 *   lock       waiting for a row lock (PostgreSQL lock_timeout) or the write lock (SQLite busy
 *              timeout); running out is a conflict, retried, then answered 409
 */
export function databaseTimeouts(env: NodeJS.ProcessEnv = process.env) {
  const setting = (name: string, fallback: number) => {
    const value = Number(env[name]);
    return Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    connectMs: setting("DATABASE_CONNECT_TIMEOUT_MS", 5_000),
    statementMs: setting("DATABASE_STATEMENT_TIMEOUT_MS", 15_000),
    lockMs: setting("DATABASE_LOCK_TIMEOUT_MS", 5_000),
  };
}

function createClient(target: DatabaseTarget): Db {
  const log = queryEvents ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  const timeouts = databaseTimeouts();
  let client: Db;
  if (target.dialect === "sqlite") {
    const adapter = tunedSqliteAdapter(new PrismaBetterSqlite3({ url: target.filePath, timeout: timeouts.lockMs }));
    client = new SqliteClient({ adapter, log }) as Db;
  } else {
    const adapter = new PrismaPg({
      connectionString: target.url,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      lock_timeout: timeouts.lockMs,
      query_timeout: timeouts.statementMs + 2_000,
      keepAlive: true,
    });
    client = new PostgresClient({ adapter, log }) as unknown as Db;
  }
  retryConflictingTransactions(client);
  if (queryEvents) {
    (client as unknown as { $on(event: "query", fn: (event: { query: string }) => void): void }).$on("query", (event) => {
      for (const listener of queryListeners) listener(event.query);
    });
  }
  return client;
}

/**
 * Every interactive transaction (`db().$transaction(async (tx) => …)`) is run again, a few times
 * with jitter, when it loses to a concurrent one (deadlock, serialization failure, lock timeout):
 * the database undid all of it, so running it again is exactly what the caller wanted. Done here,
 * once, so no domain function can forget it; what still conflicts after the last try reaches the
 * edge as a conflict (409), never a 500.
 */
function retryConflictingTransactions(client: Db) {
  const original = client.$transaction.bind(client) as (...args: unknown[]) => Promise<unknown>;
  Object.defineProperty(client, "$transaction", {
    configurable: true,
    writable: true,
    value: (...args: unknown[]) => (typeof args[0] === "function" ? retryOnConflict(() => original(...args)) : original(...args)),
  });
}

const globalForDb = globalThis as unknown as { storeDb?: { client: Db; target: DatabaseTarget } };

export function databaseTarget(): DatabaseTarget {
  return getConnection().target;
}

function getConnection() {
  if (!globalForDb.storeDb) {
    const target = resolveDatabaseTarget();
    globalForDb.storeDb = { client: createClient(target), target };
  }
  return globalForDb.storeDb;
}

/** The process-wide client, created on first use. */
export function db(): Db {
  return getConnection().client;
}

export async function disconnectDb(): Promise<void> {
  const connection = globalForDb.storeDb;
  globalForDb.storeDb = undefined;
  await connection?.client.$disconnect();
}

/** True when a unique constraint refused a write (another writer got there first). */
export function isUniqueConstraintError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
