// SQLite migrations cannot destroy data: every committed migration applies to a database full of
// rows; a later migration that rebuilds a parent table (SQLite's only way to change most column
// definitions, and what Prisma writes) keeps every row of every table; and a migration that would
// leave foreign keys pointing nowhere is rolled back whole.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import Database from "better-sqlite3";
import { resolveDatabaseTarget } from "../../lib/db/database-url";
import { applyMigrations, migrationsFolder, readMigrations } from "../../lib/db/migrate";

const projectRoot = path.resolve(import.meta.dirname, "../..");
const folder = fs.mkdtempSync(path.join(os.tmpdir(), "store-migrations-"));
const databaseFile = path.join(folder, "store.db");
const target = resolveDatabaseTarget(`file:${databaseFile}`);
const migrations = path.join(folder, "prisma", "sqlite", "migrations");

function rowCounts(): Record<string, number> {
  const database = new Database(databaseFile, { readonly: true });
  try {
    const tables = database
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != '_prisma_migrations' ORDER BY name`)
      .all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, (database.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n]));
  } finally {
    database.close();
  }
}

function addMigration(name: string, sql: string) {
  fs.mkdirSync(path.join(migrations, name), { recursive: true });
  fs.writeFileSync(path.join(migrations, name, "migration.sql"), sql);
}

/** The table rebuild Prisma writes for SQLite when a column definition changes. */
function rebuildTableMigration(table: string): string {
  const database = new Database(databaseFile, { readonly: true });
  try {
    const { sql } = database.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string };
    const indexes = (database.prepare(`SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`).all(table) as { sql: string }[]).map((row) => `${row.sql};`);
    const columns = (database.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((column) => `"${column.name}"`).join(", ");
    return [
      "-- RedefineTables",
      "PRAGMA defer_foreign_keys=ON;",
      "PRAGMA foreign_keys=OFF;",
      `${sql.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "new_${table}"`)};`,
      `INSERT INTO "new_${table}" (${columns}) SELECT ${columns} FROM "${table}";`,
      `DROP TABLE "${table}";`,
      `ALTER TABLE "new_${table}" RENAME TO "${table}";`,
      ...indexes,
      "PRAGMA foreign_keys=ON;",
      "PRAGMA defer_foreign_keys=OFF;",
      "",
    ].join("\n");
  } finally {
    database.close();
  }
}

before(async () => {
  fs.cpSync(migrationsFolder("sqlite", projectRoot), migrations, { recursive: true });
  // A store full of rows: the demo catalogue and carts with lines, addresses and sessions.
  assert.equal((await applyMigrations(target, folder)).length, readMigrations("sqlite", projectRoot).length);
  process.env.DATABASE_URL = `file:${databaseFile}`;
  const { db, disconnectDb } = await import("../../lib/db/client");
  const { seedDemoStoreIfEmpty } = await import("../../prisma/seed");
  const { createCart, updateCart } = await import("../../lib/commerce/cart");
  assert.equal(await seedDemoStoreIfEmpty(db()), true);
  const variants = await db().productVariant.findMany({ take: 3, select: { id: true } });
  for (let index = 0; index < 5; index++) {
    const cart = await createCart({ region_id: "reg_europe", items: variants.map((variant) => ({ variant_id: variant.id, quantity: 1 })) });
    await updateCart(cart.id, { email: `rows${index}@example.com`, shipping_address: { first_name: "Row", country_code: "de", city: "Berlin" } });
  }
  await disconnectDb();
});
after(() => fs.rmSync(folder, { recursive: true, force: true }));

describe("SQLite migrations keep every row", () => {
  test("the committed migrations applied again to a full database change nothing", async () => {
    const before = rowCounts();
    assert.ok(before.Cart >= 5 && before.LineItem >= 15 && before.ProductVariant > 0, JSON.stringify(before));
    assert.deepEqual(await applyMigrations(target, folder), []);
    assert.deepEqual(rowCounts(), before);
  });

  for (const table of ["Region", "ProductVariant", "Cart"]) {
    test(`rebuilding the parent table ${table} keeps the rows of every table`, async () => {
      const before = rowCounts();
      const name = `29990101000000_rebuild_${table.toLowerCase()}`;
      addMigration(name, rebuildTableMigration(table));
      assert.deepEqual(await applyMigrations(target, folder), [name]);
      assert.deepEqual(rowCounts(), before);
      const database = new Database(databaseFile, { readonly: true });
      assert.deepEqual(database.pragma("foreign_key_check"), []);
      assert.equal(database.pragma("foreign_keys", { simple: true }), 1, "foreign keys are on again for the next connection's default");
      database.close();
    });
  }

  test("a migration that would orphan rows is rolled back whole and not recorded", async () => {
    const before = rowCounts();
    const name = "29990102000000_orphan_carts";
    addMigration(name, `CREATE TABLE "Scratch" ("id" TEXT PRIMARY KEY);\nDELETE FROM "Region";\n`);
    await assert.rejects(applyMigrations(target, folder), /foreign key/);
    assert.deepEqual(rowCounts(), before, "no table added, no row deleted");
    fs.rmSync(path.join(migrations, name), { recursive: true });
    assert.deepEqual(await applyMigrations(target, folder), []);
  });
});
