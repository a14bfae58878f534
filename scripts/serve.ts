// Serves the production build: Next.js behind a thin HTTP edge that stamps the protective headers
// on every answer (lib/http/security-headers.ts) and refuses, with JSON, what Next.js itself would
// answer with a text/plain 500 (lib/http/screen-request.ts). `npm start` and the test harness run
// this instead of `next start`, compiled by `npm run build` to <dist dir>/store-server.mjs
// (scripts/build-server.mjs) and started from the project folder. Settings: PORT (3000),
// HOST (0.0.0.0), TRUSTED_PROXY_COUNT (0: how many proxies in front of the store append to
// X-Forwarded-For; see lib/http/client-address.ts), NEXT_DIST_DIR (.next, read by next.config.js).
import http from "node:http";
import compression from "compression";
import { CLIENT_ADDRESS_HEADER, clientAddressFrom, trustedProxyCount } from "../lib/http/client-address";
import { worthCompressing } from "../lib/http/compression-policy";
import { screenRequest } from "../lib/http/screen-request";
import { arrivedOverTls, securityHeaders } from "../lib/http/security-headers";

(process.env as Record<string, string>).NODE_ENV = "production";
// The project folder: npm scripts and the test harness start the server there.
const root = process.cwd();
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "0.0.0.0";

const { default: next } = await import("next");
const app = next({ dev: false, dir: root, hostname: host, port });
const handle = app.getRequestHandler();
await app.prepare();

const trustedProxies = trustedProxyCount();
const stripeApiBase = process.env.STRIPE_API_BASE?.trim() || null;
const headersOverHttp = securityHeaders({ https: false, stripeApiBase });
const headersOverTls = securityHeaders({ https: true, stripeApiBase });
// next.config.js turns Next's own compression off: this one decides per answer (compression-policy.ts).
const compress = compression({ filter: (_request, response) => worthCompressing(response.getHeader("content-type")?.toString()) });

const server = http.createServer((request, response) => {
  const tls = arrivedOverTls((request.socket as { encrypted?: boolean }).encrypted === true, request.headers["x-forwarded-proto"]);
  for (const [name, value] of Object.entries(tls ? headersOverTls : headersOverHttp)) response.setHeader(name, value);
  const refusal = screenRequest(request.method, request.url, request.headers);
  if (refusal) {
    response.writeHead(refusal.status, { ...refusal.headers, "content-length": Buffer.byteLength(refusal.body) });
    response.end(request.method === "HEAD" ? undefined : refusal.body);
    return;
  }
  // Whatever a client sent in this header is replaced: only this server knows the connection.
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddressFrom({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedProxies,
  });
  // An API answer is whole JSON, never streamed: its head leaves with its body rather than in a
  // write of its own (Next.js flushes the head first, for pages that stream).
  if (request.url?.startsWith("/api/")) response.flushHeaders = () => {};
  compress(request as never, response as never, () => {
    handle(request, response).catch((error: unknown) => {
      console.error("serve: unexpected error", error);
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      response.end(JSON.stringify({ type: "unknown_error", message: "An unexpected error occurred" }));
    });
  });
});
server.listen(port, host, () => console.log(`serve: listening on http://${host}:${port}`));

// The outbox dispatcher that instrumentation.ts started in this process (lib/events/start-dispatcher.ts).
const outboxDispatcher = () => (globalThis as { outboxDispatcher?: { stop(timeoutMs?: number): Promise<void> } }).outboxDispatcher;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // It stops claiming at once and finishes the delivery in hand; one cut off by the deadline
    // below is delivered again by another instance once its lease runs out.
    const dispatcherStopped = outboxDispatcher()?.stop(2_500) ?? Promise.resolve();
    server.close(() => void dispatcherStopped.then(() => process.exit(0)));
    // Keep-alive connections would hold close() open; give in-flight requests a moment, then go.
    setTimeout(() => process.exit(0), 3_000).unref();
    server.closeIdleConnections();
  });
}
