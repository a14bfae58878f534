// Starts this process's dispatcher (from instrumentation.ts, Node.js runtime only) and stops it
// on SIGTERM/SIGINT: it stops claiming and finishes the delivery in hand while Next.js closes.
import { OutboxDispatcher, dispatcherSettings } from "./dispatcher";
import { storeSubscribers } from "./subscribers";

const globalForDispatcher = globalThis as unknown as { outboxDispatcher?: OutboxDispatcher };

export function startOutboxDispatcher(): void {
  const settings = dispatcherSettings();
  if (!settings.enabled || globalForDispatcher.outboxDispatcher) return;
  const dispatcher = new OutboxDispatcher(storeSubscribers(), settings);
  globalForDispatcher.outboxDispatcher = dispatcher;
  dispatcher.start();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void dispatcher.stop());
}
