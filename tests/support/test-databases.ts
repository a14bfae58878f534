// Throwaway databases for one test run: a SQLite file, or a Postgres database created on the
// server TEST_POSTGRES_URL names (default: the local server) and dropped afterwards.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type TestDatabase = { dialect: "sqlite" | "postgres"; url: string; drop(): Promise<void> };

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export function createSqliteDatabase(label: string): TestDatabase {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `store-${label}-`));
  return {
    dialect: "sqlite",
    url: `file:${path.join(folder, "store.db")}`,
    async drop() {
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Null when no Postgres server answers; the caller says so loudly. */
export async function createPostgresDatabase(label: string): Promise<TestDatabase | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  const name = `store_test_${label}_${process.pid}_${Date.now()}`.replace(/[^a-z0-9_]/g, "_");
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    dialect: "postgres",
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
