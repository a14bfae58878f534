// How the store server process is started, in one place for `npm start`, the tests and the
// benchmark: plain node running the compiled front server (scripts/serve.ts) with a bounded heap.
//
// STORE_HEAP_MB (default 192) is V8's old-generation limit. Left unbounded, V8 lets the heap grow
// lazily to several hundred MB under load although what is alive stays far below that; with 192
// the server holds under 300 MB under the benchmark's checkout load at the same throughput (128
// costs CPU in collections). Raise it for a large catalogue or many concurrent page renders.
import path from "node:path";

const DEFAULT_HEAP_MB = 192;

export function storeHeapMb(env: NodeJS.ProcessEnv = process.env): number {
  const setting = env.STORE_HEAP_MB?.trim();
  if (!setting) return DEFAULT_HEAP_MB;
  const megabytes = Number(setting);
  if (!Number.isInteger(megabytes) || megabytes < 64) throw new Error(`STORE_HEAP_MB must be a whole number of megabytes, at least 64 (got "${setting}")`);
  return megabytes;
}

/** The node arguments that run the store server from the project folder `root`. */
export function storeServerArgs(root: string, options: { distDir?: string; nodeArgs?: string[] } = {}): string[] {
  const distDir = options.distDir ?? (process.env.NEXT_DIST_DIR || ".next");
  return [`--max-old-space-size=${storeHeapMb()}`, ...(options.nodeArgs ?? []), path.join(root, distDir, "store-server.mjs")];
}
