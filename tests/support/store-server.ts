// Starts production store instances (scripts/serve.ts as `npm run build` compiled it, on the
// existing build) against one database,
// for the API and browser suites. Used by scripts/test.ts; each instance is a separate process,
// so the suites exercise what many stateless instances on one database must guarantee.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { storeServerArgs } from "../../scripts/store-server-command";

const root = path.resolve(import.meta.dirname, "../..");

export type StoreInstance = { url: string; process: ChildProcess; logFile: string };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHealth(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the store at ${url} did not become healthy within ${timeoutMs} ms`);
}

/** Waits until the server answers at all (any status), e.g. a store whose database is down. */
export async function waitForListening(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const answered = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(20_000) }).then(() => true, () => false);
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the store at ${url} did not answer within ${timeoutMs} ms`);
}

export async function startStoreInstance(
  env: Record<string, string | undefined>,
  logName: string,
  options: { waitUntil?: "healthy" | "listening"; nodeArgs?: string[] } = {},
): Promise<StoreInstance> {
  const port = await freePort();
  const logFile = path.join(root, "test-results", "logs", `${logName}.log`);
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.openSync(logFile, "w");
  const child = spawn(process.execPath, storeServerArgs(root, { nodeArgs: options.nodeArgs }), {
    cwd: root,
    // As if behind one proxy: a test names the client's address with X-Forwarded-For (per-address
    // rate limits), and the store trusts that one hop's entry, as a deployment behind a load balancer would.
    env: { TRUSTED_PROXY_COUNT: "1", ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", log, log],
  });
  const url = `http://127.0.0.1:${port}`;
  if (options.waitUntil === "listening") await waitForListening(url);
  else await waitForHealth(url);
  return { url, process: child, logFile };
}

export async function stopStoreInstance(instance: StoreInstance): Promise<void> {
  if (instance.process.exitCode !== null) return;
  const exited = new Promise((resolve) => instance.process.once("exit", resolve));
  instance.process.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (instance.process.exitCode === null) instance.process.kill("SIGKILL");
}
