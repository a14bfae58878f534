// Sending a rendered email: through SMTP when SMTP_URL is set, otherwise into the development
// mailbox (a database table and .eml files), so a developer reads exactly what a shopper would.
// Every message carries a Message-ID derived from (event, subscriber): the mailbox stores a
// message id once, and a receiving mail system can recognise the rare duplicate SMTP send.
import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { db, isUniqueConstraintError } from "../db/client";
import { newId } from "../commerce/ids";
import { mailSettings } from "./settings";
import type { RenderedEmail } from "./templates/layout";

export type OutgoingEmail = RenderedEmail & { to: string; messageId: string; eventId?: string };

// SMTP timeouts stay well under the dispatcher's lease (EVENTS_LEASE_MS), so a slow server makes
// an attempt fail and retry rather than be taken over by another instance while still sending.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

const cached: { smtp?: { url: string; transporter: Transporter } } = {};

function smtpTransporter(url: string): Transporter {
  if (cached.smtp?.url !== url) cached.smtp = { url, transporter: nodemailer.createTransport({ url, ...SMTP_TIMEOUTS } as Parameters<typeof nodemailer.createTransport>[0]) };
  return cached.smtp.transporter;
}

const buildRawMessage = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

function envelope(email: OutgoingEmail) {
  const settings = mailSettings();
  return {
    from: settings.from,
    to: email.to,
    subject: email.subject,
    text: email.text,
    html: email.html,
    messageId: email.messageId,
  };
}

export function activeTransportKind(): "smtp" | "mailbox" {
  return mailSettings().smtpUrl ? "smtp" : "mailbox";
}

export async function sendEmail(email: OutgoingEmail): Promise<void> {
  const { smtpUrl } = mailSettings();
  if (smtpUrl) {
    await smtpTransporter(smtpUrl).sendMail(envelope(email));
    return;
  }
  await storeInMailbox(email);
}

/** Keeps the message as sent (raw RFC 5322) in the database and as a .eml file; once per message id. */
async function storeInMailbox(email: OutgoingEmail): Promise<void> {
  const info = (await buildRawMessage.sendMail(envelope(email))) as { message: Buffer };
  const rawMessage = info.message.toString("utf8");
  try {
    await db().mailboxMessage.create({
      data: {
        id: newId("mailboxMessage"),
        messageId: email.messageId,
        eventId: email.eventId ?? null,
        toAddress: email.to.toLowerCase(),
        subject: email.subject,
        text: email.text,
        html: email.html,
        raw: rawMessage,
      },
    });
  } catch (error) {
    // Stored by an earlier delivery of the same event that did not get to record its success.
    if (!isUniqueConstraintError(error)) throw error;
  }
  const { mailboxDir } = mailSettings();
  await fs.mkdir(mailboxDir, { recursive: true });
  // Named by the message id, which starts with the time-ordered event id: a redelivery rewrites
  // the same file, and a listing sorts by time.
  const fileName = `${email.messageId.replace(/^<|>$/g, "").replace(/[^A-Za-z0-9._-]/g, "_")}.eml`;
  await fs.writeFile(path.join(mailboxDir, fileName), rawMessage);
}
