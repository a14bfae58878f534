// The last step of `npm run build`: compiles scripts/serve.ts (the thin HTTP edge in front of
// Next.js) and the two small modules it imports into one plain JavaScript file beside the build,
// <dist dir>/store-server.mjs, which `npm start` and the test harness run with plain `node`.
// Running the TypeScript through tsx instead kept tsx's loader thread and its compiled copies of
// every module in the server: about 200 MB of the 490 MB a busy server held.
import { build } from "esbuild";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const outfile = path.join(root, process.env.NEXT_DIST_DIR || ".next", "store-server.mjs");

await build({
  entryPoints: [path.join(root, "scripts/serve.ts")],
  outfile,
  bundle: true,
  packages: "external",
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});
console.log(`store server compiled: ${path.relative(root, outfile)}`);
