"use client";
// One kept email: the headers a mail program shows, the HTML part in a sandboxed frame (no
// scripts, no forms, no access to the back office's origin) and the plain-text part.
import Link from "next/link";
import { adminMailClient } from "@/lib/sdk/admin-mail";
import { ErrorMessage } from "@/components/ui/error-message";
import { when } from "./mailbox-list";
import { useAdminLoad } from "./use-admin-load";

export function MailboxMessage({ messageId }: { messageId: string }) {
  const { data: message, error } = useAdminLoad(() => adminMailClient.mailbox.retrieve(messageId), messageId, "The email");

  return (
    <article aria-labelledby="mail-subject" className="mailbox">
      <p>
        <Link href="/admin/mailbox">← Mailbox</Link>
      </p>
      <ErrorMessage>{error}</ErrorMessage>
      {!message ? (
        error ? null : (
          <p className="muted" role="status">
            Loading the email…
          </p>
        )
      ) : (
        <>
          <h1 id="mail-subject" data-testid="mail-subject">
            {message.subject}
          </h1>
          <dl className="mailbox__headers">
            <dt>From</dt>
            <dd>{message.from}</dd>
            <dt>To</dt>
            <dd data-testid="mail-to">{message.to}</dd>
            <dt>Date</dt>
            <dd>
              <time dateTime={message.created_at}>{when(message.created_at)}</time>
            </dd>
            <dt>Message-ID</dt>
            <dd>
              <code>{message.message_id}</code>
            </dd>
          </dl>
          <h2>HTML</h2>
          <iframe className="mailbox__frame" title={`Email: ${message.subject}`} sandbox="" srcDoc={message.html} data-testid="mail-html" />
          <h2>Plain text</h2>
          <pre className="mailbox__text" data-testid="mail-text">
            {message.text}
          </pre>
        </>
      )}
    </article>
  );
}
