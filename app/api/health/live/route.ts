// Liveness: the process is up and serving requests. It does no work (no database), so an
// orchestrator can tell a hung process from a database outage (that is /api/health, readiness),
// and the benchmark uses it as the ceiling of what a route handler can answer on this machine.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return new Response('{"ok":true}', { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" } });
}
