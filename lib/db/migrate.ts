// Applies the committed migrations of prisma/<dialect>/migrations in order, each in its own
// transaction, and records them in Prisma's own _prisma_migrations table (checksum = sha256 of
// the file, as Prisma records it), so `prisma migrate deploy` agrees on a machine that can run it.
// Several app instances may start at once: Postgres serialises them with an advisory lock,
// SQLite with an immediate (write-locking) transaction.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "./database-url";
import { databaseTimeouts } from "./client";

type Migration = { name: string; sql: string; checksum: string };

export function migrationsFolder(dialect: DatabaseTarget["dialect"], projectRoot = process.cwd()): string {
  return path.join(projectRoot, "prisma", dialect, "migrations");
}

export function readMigrations(dialect: DatabaseTarget["dialect"], projectRoot = process.cwd()): Migration[] {
  const folder = migrationsFolder(dialect, projectRoot);
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(folder, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMP,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMP,
  "started_at" TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

/** Applies what is missing; returns the names of the migrations it applied. */
export async function applyMigrations(target: DatabaseTarget, projectRoot = process.cwd()): Promise<string[]> {
  const migrations = readMigrations(target.dialect, projectRoot);
  return target.dialect === "sqlite"
    ? applySqliteMigrations(target.filePath, migrations)
    : applyPostgresMigrations(target.url, migrations);
}

function pending(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const migration of migrations) {
    const checksum = applied.get(migration.name);
    if (checksum !== undefined && checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was changed after it was applied to this database`);
    }
  }
  return migrations.filter((migration) => !applied.has(migration.name));
}

/**
 * Each migration in its own transaction, as SQLite's table-rebuild procedure requires
 * (https://www.sqlite.org/lang_altertable.html#otheralter): foreign keys are switched off outside
 * the transaction (PRAGMA foreign_keys is ignored inside one, so a migration's own PRAGMA lines do
 * nothing there), the migration runs, PRAGMA foreign_key_check must find nothing before COMMIT, and
 * foreign keys are switched back on. With foreign keys left on, dropping a rebuilt parent table
 * would cascade-delete or orphan its children. BEGIN IMMEDIATE takes the write lock, and the list of
 * applied migrations is read inside it, so instances starting together apply each migration once.
 */
function applySqliteMigrations(filePath: string, migrations: Migration[]): string[] {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: 10_000 });
  try {
    // WAL lets readers proceed during a write; it is a property of the file, so set it once here.
    db.pragma("journal_mode = WAL");
    db.exec(MIGRATIONS_TABLE);
    const appliedNames: string[] = [];
    const readApplied = () =>
      new Map(
        (db
          .prepare(`SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
          .all() as { migration_name: string; checksum: string }[]).map((row) => [row.migration_name, row.checksum]),
      );
    const record = db.prepare(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
       VALUES (?, ?, CURRENT_TIMESTAMP, ?, CURRENT_TIMESTAMP, 1)`,
    );
    pending(migrations, readApplied()); // refuses a changed migration before touching anything
    for (const migration of migrations) {
      db.pragma("foreign_keys = OFF");
      db.exec("BEGIN IMMEDIATE");
      try {
        if (!pending([migration], readApplied()).length) {
          db.exec("COMMIT");
          continue;
        }
        db.exec(migration.sql);
        const broken = db.pragma("foreign_key_check") as { table: string; parent: string }[];
        if (broken.length) {
          const first = broken[0];
          throw new Error(`Migration ${migration.name} leaves ${broken.length} row(s) whose foreign key points nowhere (${first.table} → ${first.parent}); nothing was applied`);
        }
        record.run(crypto.randomUUID(), migration.checksum, migration.name);
        db.exec("COMMIT");
        appliedNames.push(migration.name);
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw error;
      } finally {
        db.pragma("foreign_keys = ON");
      }
    }
    return appliedNames;
  } finally {
    db.close();
  }
}

// Any constant shared by every instance of this store; it names the migration lock.
const MIGRATION_LOCK_ID = 4_240_917_311;

async function applyPostgresMigrations(url: string, migrations: Migration[]): Promise<string[]> {
  const timeouts = databaseTimeouts();
  // A bounded connect, so a silent server makes start-up retry with a message instead of hanging.
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeouts.connectMs });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await client.query(MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const appliedNames: string[] = [];
    for (const migration of pending(migrations, applied)) {
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [crypto.randomUUID(), migration.checksum, migration.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
      appliedNames.push(migration.name);
    }
    return appliedNames;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await client.end();
  }
}
