// How the store server is started: node with a bounded heap (STORE_HEAP_MB), the same for
// `npm start`, the tests and the benchmark.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { storeHeapMb, storeServerArgs } from "../../scripts/store-server-command";

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

describe("store server command", () => {
  test("the heap limit defaults to 192 MB and follows STORE_HEAP_MB", () => {
    assert.equal(storeHeapMb(env({})), 192);
    assert.equal(storeHeapMb(env({ STORE_HEAP_MB: " 512 " })), 512);
  });

  test("a heap setting that is not a whole number of at least 64 MB stops the start with its name", () => {
    for (const setting of ["abc", "32", "100.5", "-1"]) {
      assert.throws(() => storeHeapMb(env({ STORE_HEAP_MB: setting })), /STORE_HEAP_MB/);
    }
  });

  test("node runs the compiled front server with the heap flag before any other flag", () => {
    const args = storeServerArgs("/srv/store", { distDir: ".next", nodeArgs: ["--cpu-prof"] });
    assert.match(args[0], /^--max-old-space-size=\d+$/);
    assert.deepEqual(args.slice(1), ["--cpu-prof", "/srv/store/.next/store-server.mjs"]);
  });
});
