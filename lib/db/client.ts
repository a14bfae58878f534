// One Prisma client per process, on the driver adapter that DATABASE_URL names.
// Both dialects are generated from one model file, so the two clients have the same API;
// the rest of the code sees a single `Db` type.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient, Prisma } from "./generated/sqlite/client";
import { resolveDatabaseTarget, type DatabaseTarget } from "./database-url";

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

function createClient(target: DatabaseTarget): Db {
  const log = queryEvents ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  let client: Db;
  if (target.dialect === "sqlite") {
    // timeout: how long a writer waits for another process's write lock (SQLite busy_timeout).
    const adapter = new PrismaBetterSqlite3({ url: target.filePath, timeout: 10_000 });
    client = new SqliteClient({ adapter, log }) as Db;
  } else {
    const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    client = new PostgresClient({ adapter, log }) as unknown as Db;
  }
  if (queryEvents) {
    (client as unknown as { $on(event: "query", fn: (event: { query: string }) => void): void }).$on("query", (event) => {
      for (const listener of queryListeners) listener(event.query);
    });
  }
  return client;
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
