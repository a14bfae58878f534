// Runs once when a server instance starts. On the Node.js runtime (not the edge, and not while
// `next build` prerenders) it starts the outbox dispatcher that delivers events to subscribers.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startOutboxDispatcher } = await import("./lib/events/start-dispatcher");
  startOutboxDispatcher();
}
