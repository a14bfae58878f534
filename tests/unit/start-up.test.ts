// Start-up on a bad day, and demo data only where asked.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import Database from "better-sqlite3";
import { shouldSeed } from "../../scripts/prepare-database";

const root = path.resolve(import.meta.dirname, "../..");

function prepare(env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/prepare-database.ts", ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr, ms: Date.now() - started }));
  });
}

function regionsIn(file: string): number {
  const database = new Database(file, { readonly: true });
  try {
    return (database.prepare(`SELECT COUNT(*) AS n FROM "Region"`).get() as { n: number }).n;
  } finally {
    database.close();
  }
}

describe("demo data only where asked", () => {
  test("the default SQLite file seeds itself; any other database only when asked", () => {
    assert.equal(shouldSeed(undefined, {}), true);
    assert.equal(shouldSeed(undefined, { DATABASE_URL: "file:data/store.db" }), true);
    assert.equal(shouldSeed(undefined, { DATABASE_URL: "postgres://db.example.com/shop" }), false);
    assert.equal(shouldSeed(undefined, { DATABASE_URL: "file:/srv/shop.db" }), false);
    assert.equal(shouldSeed(undefined, { DATABASE_URL: "postgres://db.example.com/shop", SEED_DEMO_DATA: "1" }), true);
    assert.equal(shouldSeed(false, {}), false);
  });

  test("npm start's preparation migrates another database without seeding it; npm run seed seeds it", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "store-seed-"));
    const file = path.join(folder, "shop.db");
    try {
      const plain = await prepare({ DATABASE_URL: `file:${file}` });
      assert.equal(plain.code, 0, plain.stderr);
      assert.equal(regionsIn(file), 0, "no demo data, no demo discount codes");
      const seeded = await prepare({ DATABASE_URL: `file:${file}` }, ["--seed"]);
      assert.equal(seeded.code, 0, seeded.stderr);
      assert.equal(regionsIn(file), 2);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("start-up waits for the database, then says why it gave up", () => {
  test("a refused port: retries with a reason, then one line, no stack trace", async () => {
    const result = await prepare({ DATABASE_URL: "postgres://postgres@127.0.0.1:1/store", DATABASE_START_WAIT_SECONDS: "3" });
    assert.equal(result.code, 1);
    assert.match(result.stdout, /not reachable yet \(the database server refused the connection/);
    assert.match(result.stderr, /gave up after 3 s: PostgreSQL .*refused the connection/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
  });

  test("a port that accepts and never answers: bounded by the connect timeout, not a hang", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const result = await prepare({ DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/store`, DATABASE_START_WAIT_SECONDS: "2", DATABASE_CONNECT_TIMEOUT_MS: "1000" });
      assert.equal(result.code, 1);
      assert.match(result.stderr, /gave up after 2 s: .*did not answer in time/);
      assert.ok(result.ms < 20_000, `gave up after ${result.ms} ms`);
    } finally {
      silent.close();
    }
  });
});
