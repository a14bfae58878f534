// What the back office may say about the mail transport: the SMTP host, never its credentials.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { mailTransportSummary } from "../../lib/email/settings";

const env = (values: Record<string, string>) => values as unknown as NodeJS.ProcessEnv;

describe("mail transport summary", () => {
  test("no SMTP_URL: the mailbox", () => {
    assert.deepEqual(mailTransportSummary(env({})), { transport: "mailbox", smtp_host: null });
  });

  test("SMTP: host and port only, never the user or password", () => {
    const summary = mailTransportSummary(env({ SMTP_URL: "smtps://mailer:s3cret%21@mail.example.com:465" }));
    assert.deepEqual(summary, { transport: "smtp", smtp_host: "mail.example.com:465" });
    assert.ok(!JSON.stringify(summary).includes("s3cret"));
    assert.deepEqual(mailTransportSummary(env({ SMTP_URL: "smtp://mail.example.com" })), { transport: "smtp", smtp_host: "mail.example.com" });
    assert.deepEqual(mailTransportSummary(env({ SMTP_URL: "not a url" })), { transport: "smtp", smtp_host: null });
  });
});
