// Static check: each dialect's committed migrations, applied in order to an empty shadow database,
// produce exactly the schema prisma/<dialect>/schema.prisma describes (Prisma's own schema engine,
// the wasm build, diffs the two; no network). A model change without its migration, or a
// migration edited by hand into something else, fails here instead of in production.
// PostgreSQL needs a server (TEST_POSTGRES_URL, default the local one); without one that half is
// reported as SKIPPED (exit 3), which the test runner treats like a skipped suite.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const projectRequire = createRequire(path.join(root, "package.json"));
const load = async (name) => import(pathToFileURL(projectRequire.resolve(name)).href);
const POSTGRES_URL = process.env.TEST_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function sqliteAdapterFactory(file) {
  const { PrismaBetterSqlite3 } = await load("@prisma/adapter-better-sqlite3");
  const base = new PrismaBetterSqlite3({ url: `file:${file}` });
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    async connectToShadowDb() {
      const shadow = await base.connectToShadowDb();
      // A migration file is many statements; better-sqlite3 runs those only as a script.
      const executeRaw = shadow.executeRaw.bind(shadow);
      shadow.executeRaw = async (query) => (query.args.length === 0 ? (await shadow.executeScript(query.sql), 0) : executeRaw(query));
      return shadow;
    },
  };
}

async function postgresAdapterFactory(url) {
  const { PrismaPg } = await load("@prisma/adapter-pg");
  const pg = (await load("pg")).default;
  const parsed = new URL(url);
  const config = {
    host: parsed.hostname,
    port: Number(parsed.port || 5432),
    user: decodeURIComponent(parsed.username) || undefined,
    password: decodeURIComponent(parsed.password) || undefined,
    database: parsed.pathname.slice(1),
    connectionTimeoutMillis: 3_000,
  };
  // The engine reads catalog columns of type "char" (OID 18), which the adapter cannot decode.
  class CatalogPool extends pg.Pool {
    async query(...args) {
      const result = await super.query(...args);
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    }
  }
  const base = new PrismaPg(new CatalogPool(config));
  return {
    provider: base.provider,
    adapterName: base.adapterName,
    connect: () => base.connect(),
    async connectToShadowDb() {
      const admin = await base.connect();
      const database = `store_shadow_${crypto.randomUUID().replace(/-/g, "")}`;
      await admin.executeScript(`CREATE DATABASE "${database}"`);
      const pool = new CatalogPool({ ...config, database });
      pool.on("error", (error) => {
        if (error.code !== "57P01") console.error("shadow database:", error.message);
      });
      const shadow = await new PrismaPg(pool).connect();
      const dispose = shadow.dispose.bind(shadow);
      shadow.dispose = async () => {
        await dispose();
        await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
        await admin.dispose();
      };
      return shadow;
    },
  };
}

function migrationsOf(dialect) {
  const folder = path.join(root, "prisma", dialect, "migrations");
  const lockPath = path.join(folder, "migration_lock.toml");
  const names = fs.readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return {
    baseDir: folder,
    shadowDbInitScript: "",
    lockfile: { path: "migration_lock.toml", content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: fs.readFileSync(path.join(folder, name, "migration.sql"), "utf8") } },
    })),
  };
}

async function startEngineRuntime() {
  const runtime = await load("@prisma/schema-engine-wasm/schema_engine_bg");
  const wasmPath = projectRequire.resolve("@prisma/schema-engine-wasm/schema_engine_bg").replace(/\.js$/, ".wasm");
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(wasmPath)), { "./schema_engine_bg.js": runtime });
  runtime.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return runtime;
}

/** The SQL that would take the migrated database to the schema: empty when they agree. */
async function drift(runtime, dialect, adapterFactory) {
  const { bindMigrationAwareSqlAdapterFactory } = await load("@prisma/driver-adapter-utils");
  const schemaPath = path.join(root, "prisma", dialect, "schema.prisma");
  const schema = fs.readFileSync(schemaPath, "utf8");
  const engine = await runtime.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(adapterFactory));
  try {
    const result = await engine.diff({
      from: { tag: "migrations", ...migrationsOf(dialect) },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").replace(/^--.*$/gm, "").trim();
  } finally {
    engine.free();
  }
}

async function postgresReachable(url) {
  const pg = (await load("pg")).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const runtime = await startEngineRuntime();
let failed = false;
let skipped = false;

const sqliteFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "store-migration-check-")), "check.db");
const sqliteDrift = await drift(runtime, "sqlite", await sqliteAdapterFactory(sqliteFile));
fs.rmSync(path.dirname(sqliteFile), { recursive: true, force: true });
if (sqliteDrift) {
  failed = true;
  console.error(`sqlite: the migrations do not produce prisma/sqlite/schema.prisma; missing:\n${sqliteDrift}`);
} else console.log("sqlite: the migrations produce prisma/sqlite/schema.prisma");

if (await postgresReachable(POSTGRES_URL)) {
  const postgresDrift = await drift(runtime, "postgres", await postgresAdapterFactory(POSTGRES_URL));
  if (postgresDrift) {
    failed = true;
    console.error(`postgres: the migrations do not produce prisma/postgres/schema.prisma; missing:\n${postgresDrift}`);
  } else console.log("postgres: the migrations produce prisma/postgres/schema.prisma");
} else {
  skipped = true;
  console.log(`postgres: SKIPPED, no server at ${POSTGRES_URL.replace(/\/\/[^@]*@/, "//")}`);
}
process.exit(failed ? 1 : skipped ? 3 : 0);
