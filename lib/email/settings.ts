// Email settings, read from the environment once per use (tests start instances with their own).
//   SMTP_URL      smtp://user:pass@host:587 (or smtps://…); unset → the development mailbox
//   MAIL_FROM     the From header
//   STORE_URL     the public address of the storefront, for links in emails
//   MAILBOX_DIR   where the mailbox writes .eml files (relative to the project)
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
    // A folder chosen at run time: not something the build should trace.
    mailboxDir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.MAILBOX_DIR || "data/outbox"),
  };
}

/** How mail leaves the store, as the back office tells the merchant (never the SMTP credentials). */
export function mailTransportSummary(env: NodeJS.ProcessEnv = process.env): { transport: "smtp" | "mailbox"; smtp_host: string | null } {
  if (!env.SMTP_URL) return { transport: "mailbox", smtp_host: null };
  let host: string | null = null;
  try {
    const url = new URL(env.SMTP_URL);
    host = url.port ? `${url.hostname}:${url.port}` : url.hostname;
  } catch {
    host = null;
  }
  return { transport: "smtp", smtp_host: host };
}
