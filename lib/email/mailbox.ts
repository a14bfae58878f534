// The mailbox (the messages the mailbox transport kept when no SMTP_URL is set), as the back
// office shows it to a signed-in merchant: a list, newest first, and one message whole.
import fs from "node:fs/promises";
import path from "node:path";
import { db } from "../db/client";
import { looksLikeId } from "../commerce/ids";
import { notFound } from "../commerce/errors";

export type MailboxEntry = { id: string; to: string; subject: string; created_at: string };
export type MailboxMessageView = MailboxEntry & { message_id: string; from: string; event_id: string | null; text: string; html: string };

export async function listMailbox(query: { limit: number; offset: number; to?: string }) {
  const where = query.to ? { toAddress: { contains: query.to.toLowerCase() } } : {};
  const [rows, count] = await Promise.all([
    db().mailboxMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: query.limit,
      skip: query.offset,
      select: { id: true, toAddress: true, subject: true, createdAt: true },
    }),
    db().mailboxMessage.count({ where }),
  ]);
  const messages: MailboxEntry[] = rows.map((row) => ({ id: row.id, to: row.toAddress, subject: row.subject, created_at: row.createdAt.toISOString() }));
  return { messages, count, limit: query.limit, offset: query.offset };
}

export async function readMailboxMessage(id: string): Promise<MailboxMessageView> {
  const row = looksLikeId("mailboxMessage", id) ? await db().mailboxMessage.findUnique({ where: { id } }) : null;
  if (!row) throw notFound("Mailbox message", id);
  return {
    id: row.id,
    message_id: row.messageId,
    event_id: row.eventId,
    from: /^From: (.*)$/m.exec(row.raw)?.[1] ?? "",
    to: row.toAddress,
    subject: row.subject,
    created_at: row.createdAt.toISOString(),
    text: row.text,
    html: row.html,
  };
}

/** Deletes .eml files older than `days` from the mailbox folder (0 keeps them); how many went. */
export async function pruneMailboxFiles(folder: string, days: number, now = Date.now()): Promise<number> {
  if (days <= 0) return 0;
  const before = now - days * 24 * 60 * 60 * 1000;
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names.filter((candidate) => candidate.endsWith(".eml"))) {
    const file = path.join(folder, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat && stat.mtimeMs < before && (await fs.unlink(file).then(() => true, () => false))) removed++;
  }
  return removed;
}
