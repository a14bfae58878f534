// Reading the development mailbox (the messages the mailbox transport kept), newest first.
import { db } from "../db/client";
import { looksLikeId } from "../commerce/ids";

export type MailboxEntry = { id: string; to: string; subject: string; createdAt: Date };

export async function listMailbox(limit = 100): Promise<MailboxEntry[]> {
  const rows = await db().mailboxMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, toAddress: true, subject: true, createdAt: true },
  });
  return rows.map((row) => ({ id: row.id, to: row.toAddress, subject: row.subject, createdAt: row.createdAt }));
}

export async function readMailboxMessage(id: string) {
  if (!looksLikeId("mailboxMessage", id)) return null;
  return db().mailboxMessage.findUnique({ where: { id } });
}
