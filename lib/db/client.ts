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

function createClient(target: DatabaseTarget): Db {
  if (target.dialect === "sqlite") {
    // timeout: how long a writer waits for another process's write lock (SQLite busy_timeout).
    const adapter = new PrismaBetterSqlite3({ url: target.filePath, timeout: 10_000 });
    return new SqliteClient({ adapter });
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
  return new PostgresClient({ adapter }) as unknown as Db;
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
