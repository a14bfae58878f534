// The suite's instances run without SMTP_URL: emails go to the development mailbox, the
// database table and .eml files, exactly once per event, and the mailbox page is not served
// unless MAILBOX_PAGE=1 asks for it (mails hold shoppers' personal data).
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { db, disconnectDb } from "../../lib/db/client";
import { api, expectOk, readyCart, STORE_URLS, VARIANTS } from "../support/store-api";

after(disconnectDb);

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the development mailbox (no SMTP_URL)", () => {
  test("a completed checkout puts one confirmation in the mailbox and one .eml file in MAILBOX_DIR", async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.mugSand, quantity: 1 }] });
    const completed = expectOk(await api("POST", `/store/carts/${cart.id}/complete`), "complete");
    const order = completed.data;
    // Completing twice (a retry) answers with the same order and records nothing more.
    expectOk(await api("POST", `/store/carts/${cart.id}/complete`, { instance: 1 }), "complete again");
    assert.equal(await db().outboxEvent.count({ where: { resourceId: order.id } }), 1);

    const message = await waitFor("the mailbox message", () => db().mailboxMessage.findFirst({ where: { toAddress: order.email } }));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    assert.equal(await db().mailboxMessage.count({ where: { toAddress: order.email } }), 1);
    assert.equal(message.subject, `Your Kestrel Goods order #${order.display_id} is confirmed`);
    assert.ok(message.text.includes("Ceramic Mug"));
    assert.match(message.raw, /^Content-Type: multipart\/alternative/m);
    assert.match(message.raw, new RegExp(`^To: ${order.email.replace(/[+.]/g, "\\$&")}$`, "m"));

    const folder = process.env.MAILBOX_DIR!;
    const files = fs.readdirSync(folder).filter((file) => fs.readFileSync(path.join(folder, file), "utf8").includes(message.messageId));
    assert.equal(files.length, 1, "one .eml file for the message");
    assert.ok(files[0].endsWith(".eml"));

    const answer = expectOk(await api("GET", `/store/orders/${order.id}`), "order");
    assert.equal(answer.order.confirmation_email, "sent");
  });

  test("the mailbox page is not served unless MAILBOX_PAGE=1", async () => {
    const response = await fetch(`${STORE_URLS[0]}/dev/mailbox`);
    assert.equal(response.status, 404);
    const page = await response.text();
    assert.ok(!page.includes("Mailbox"), "nothing of the mailbox leaks");
  });
});
