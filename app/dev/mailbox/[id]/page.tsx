// One email of the development mailbox: the HTML part in a sandboxed frame (no scripts, no
// same-origin access), the plain-text part below it, and the headers a shopper's client shows.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { readMailboxMessage } from "@/lib/email/mailbox";
import { isMailboxPageEnabled } from "@/lib/email/settings";

// Named only when it exists: a disabled mailbox answers like any unknown page.
export function generateMetadata(): Metadata {
  return isMailboxPageEnabled() ? { title: "Mailbox (development)", robots: { index: false } } : {};
}
export const dynamic = "force-dynamic";

export default async function MailboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!isMailboxPageEnabled()) notFound();
  const message = await readMailboxMessage((await params).id);
  if (!message) notFound();
  const from = /^From: (.*)$/m.exec(message.raw)?.[1] ?? "";
  return (
    <div className="container mailbox">
      <p>
        <Link href="/dev/mailbox">← Mailbox</Link>
      </p>
      <h1 data-testid="mail-subject">{message.subject}</h1>
      <dl className="mailbox__headers">
        <dt>From</dt>
        <dd>{from}</dd>
        <dt>To</dt>
        <dd data-testid="mail-to">{message.toAddress}</dd>
        <dt>Date</dt>
        <dd>{message.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</dd>
        <dt>Message-ID</dt>
        <dd>
          <code>{message.messageId}</code>
        </dd>
      </dl>
      <h2>HTML</h2>
      <iframe className="mailbox__frame" title={`Email: ${message.subject}`} sandbox="" srcDoc={message.html} data-testid="mail-html" />
      <h2>Plain text</h2>
      <pre className="mailbox__text" data-testid="mail-text">
        {message.text}
      </pre>
    </div>
  );
}
