// The development mailbox: every email the store would have sent, as sent. It exists only when
// the mailbox transport is active (no SMTP_URL) and MAILBOX_PAGE=1 says to show it, since mails
// hold shoppers' personal data; otherwise it is a 404 like any unknown page.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { listMailbox } from "@/lib/email/mailbox";
import { isMailboxPageEnabled } from "@/lib/email/settings";

// Named only when it exists: a disabled mailbox answers like any unknown page.
export function generateMetadata(): Metadata {
  return isMailboxPageEnabled() ? { title: "Mailbox (development)", robots: { index: false } } : {};
}
export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  if (!isMailboxPageEnabled()) notFound();
  const messages = await listMailbox();
  return (
    <div className="container mailbox">
      <p className="hero__eyebrow">Development</p>
      <h1>Mailbox</h1>
      <p className="muted">
        Emails the store sent while no SMTP server is configured (<code>SMTP_URL</code> unset). The raw messages are also in the
        mailbox folder as <code>.eml</code> files.
      </p>
      {messages.length === 0 ? (
        <p>No email yet. Place an order and it appears here.</p>
      ) : (
        <ul className="mailbox__list" data-testid="mailbox-list">
          {messages.map((message) => (
            <li key={message.id} className="mailbox__item">
              <Link href={`/dev/mailbox/${message.id}`} className="mailbox__subject">
                {message.subject}
              </Link>
              <span className="muted">
                to {message.to} · <time dateTime={message.createdAt.toISOString()}>{message.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
