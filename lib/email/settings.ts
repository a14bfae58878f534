// Email settings, read from the environment once per use (tests start instances with their own).
//   SMTP_URL      smtp://user:pass@host:587 (or smtps://…); unset → the development mailbox
//   MAIL_FROM     the From header
//   STORE_URL     the public address of the storefront, for links in emails
//   MAILBOX_DIR   where the mailbox writes .eml files (relative to the project)
//   MAILBOX_PAGE  "1" shows the mailbox at /dev/mailbox (only while the mailbox transport is active)
import path from "node:path";
import { STORE_NAME } from "../../components/ui/store-name";

export type MailSettings = {
  smtpUrl: string | null;
  from: string;
  storeUrl: string;
  mailboxDir: string;
};

export function mailSettings(env: NodeJS.ProcessEnv = process.env): MailSettings {
  const storeUrl = (env.STORE_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
  return {
    smtpUrl: env.SMTP_URL || null,
    from: env.MAIL_FROM || `${STORE_NAME} <orders@${new URL(storeUrl).hostname}>`,
    storeUrl,
    mailboxDir: path.resolve(process.cwd(), env.MAILBOX_DIR || "data/outbox"),
  };
}

/** Mails hold shoppers' personal data: the page exists only when asked for, and only for the mailbox. */
export function isMailboxPageEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.SMTP_URL && env.MAILBOX_PAGE === "1";
}
