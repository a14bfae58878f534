// `npm start`: prepares the database (migrations, demo data when empty), builds the app when
// there is no build yet, and serves the store on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { exitOnStartupError, prepareDatabase } from "./prepare-database";
import { storeServerArgs } from "./store-server-command";

const root = path.resolve(import.meta.dirname, "..");
const port = process.env.PORT || "3000";
const distDir = process.env.NEXT_DIST_DIR || ".next";
const host = process.env.HOST || "0.0.0.0";

await prepareDatabase().catch(exitOnStartupError);

const serverEntry = path.join(root, distDir, "store-server.mjs");
if (!fs.existsSync(path.join(root, distDir, "BUILD_ID")) || !fs.existsSync(serverEntry)) {
  console.log("build: no production build yet, building (a minute or two)…");
  const build = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, storeServerArgs(root, { distDir }), {
  cwd: root,
  stdio: ["ignore", "inherit", "inherit"],
  env: { ...process.env, PORT: port, HOST: host, NEXT_TELEMETRY_DISABLED: "1" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

// Say where the store is once it answers, so the URL is the last thing on the screen.
const url = `http://localhost:${port}`;
for (let attempt = 0; attempt < 120; attempt++) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const healthy = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
  if (healthy) {
    console.log(`\n  Store ready: ${url}  (Store API: ${url}/api/store)\n`);
    break;
  }
}
