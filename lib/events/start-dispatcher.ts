// Starts this process's dispatcher (from instrumentation.ts, Node.js runtime only) and stops it
// on SIGTERM/SIGINT: it stops claiming and finishes the delivery in hand while Next.js closes.
import { pruneMailboxFiles } from "../email/mailbox";
import { mailSettings } from "../email/settings";
import { OutboxDispatcher, dispatcherSettings } from "./dispatcher";
import { pruneOldRecords, retentionSettings } from "./retention";
import { storeSubscribers } from "./subscribers";

/** The retention clean-up: old delivered events, mailbox messages and this instance's .eml files. */
async function housekeeping(): Promise<void> {
  const retention = retentionSettings();
  const pruned = await pruneOldRecords(retention);
  const files = await pruneMailboxFiles(mailSettings().mailboxDir, retention.mailboxDays);
  if (pruned.events + pruned.mailboxMessages + files > 0) {
    console.info(`outbox: retention removed ${pruned.events} delivered events, ${pruned.mailboxMessages} mailbox messages, ${files} .eml files`);
  }
}

const globalForDispatcher = globalThis as unknown as { outboxDispatcher?: OutboxDispatcher };

export function startOutboxDispatcher(): void {
  const settings = dispatcherSettings();
  if (!settings.enabled || globalForDispatcher.outboxDispatcher) return;
  const dispatcher = new OutboxDispatcher(storeSubscribers(), settings, housekeeping);
  globalForDispatcher.outboxDispatcher = dispatcher;
  dispatcher.start();
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void dispatcher.stop());
}
