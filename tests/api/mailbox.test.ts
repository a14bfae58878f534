// The suite's instances run without SMTP_URL: emails go to the mailbox, the database table and
// .eml files, exactly once per event, and only a signed-in merchant reads them (the back office's
// /admin/mailbox; mails hold shoppers' personal data), the old development page is gone.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { after, describe, test } from "node:test";
import { db, disconnectDb } from "../../lib/db/client";
import { api, expectOk, readyCart, STORE_URLS, VARIANTS } from "../support/store-api";
import { buyTote, registeredShopper, shopper, uniqueEmail } from "../support/customers";
import { demoAdminToken } from "../support/admin-api";

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

  test("password reset: the email links to the reset page with a token that resets the password", async () => {
    const ann = await registeredShopper();
    await shopper().medusa.customers.generatePasswordToken({ email: ann.email });
    const message = await waitFor("the reset email", () => db().mailboxMessage.findFirst({ where: { toAddress: ann.email.toLowerCase() } }));
    assert.equal(message.subject, "Reset your Kestrel Goods password");
    const link = new URL(/^(http\S+\/account\/reset-password\?\S+)$/m.exec(message.text)![1]);
    assert.equal(link.searchParams.get("email"), ann.email.toLowerCase());
    assert.ok(message.html.includes(link.search.replace(/&/g, "&amp;")), "the HTML part has the same link");
    const { customer } = await shopper().medusa.customers.resetPassword({
      email: link.searchParams.get("email")!,
      token: link.searchParams.get("token")!,
      password: "a new password 1",
    });
    assert.equal(customer.id, ann.customer.id, "the emailed token reset the password");
  });

  test("order claim: the email carries the code that confirms the claim", async () => {
    const email = uniqueEmail("claimer");
    const guestOrder = await buyTote(shopper(), { email });
    const ann = await registeredShopper({ email });
    await ann.medusa.orders.requestCustomerOrders({} as never);
    const message = await waitFor("the claim email", () =>
      db().mailboxMessage.findFirst({ where: { toAddress: email.toLowerCase(), subject: { contains: "earlier order" } } }),
    );
    assert.match(message.subject, /code to add 1 earlier order/);
    const token = /^ {4}(\S+)$/m.exec(message.text)![1];
    await ann.medusa.orders.confirmRequest({ token });
    const { orders } = await ann.medusa.customers.listOrders();
    assert.deepEqual(orders.map((order: { id: string }) => order.id), [guestOrder.id]);
  });

  test("the mailbox is the back office's: the Admin API lists and shows it to a merchant, nobody else", async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    const order = expectOk(await api("POST", `/store/carts/${cart.id}/complete`), "complete").data;
    await waitFor("the confirmation", () => db().mailboxMessage.findFirst({ where: { toAddress: order.email } }));

    for (const path of ["/api/admin/mailbox", "/api/admin/event-deliveries"]) {
      const stranger = await fetch(`${STORE_URLS[0]}${path}`);
      assert.equal(stranger.status, 401, `${path} without credentials`);
      assert.ok(!(await stranger.text()).includes(order.email));
    }
    const token = await demoAdminToken();
    const headers = { Authorization: `Bearer ${token}` };
    const list = await (await fetch(`${STORE_URLS[1]}/api/admin/mailbox?to=${encodeURIComponent(order.email)}`, { headers })).json();
    assert.equal(list.transport, "mailbox");
    assert.equal(list.smtp_host, null);
    assert.equal(list.count, 1);
    assert.equal(list.messages[0].subject, `Your Kestrel Goods order #${order.display_id} is confirmed`);
    const { message } = await (await fetch(`${STORE_URLS[0]}/api/admin/mailbox/${list.messages[0].id}`, { headers })).json();
    assert.equal(message.to, order.email);
    assert.match(message.from, /orders@/);
    assert.ok(message.text.includes("Canvas Tote") && message.html.includes("Canvas Tote"));
    const missing = await fetch(`${STORE_URLS[0]}/api/admin/mailbox/mail_doesnotexist`, { headers });
    assert.equal(missing.status, 404);
    assert.equal((await missing.json()).type, "not_found");
    const badQuery = await fetch(`${STORE_URLS[0]}/api/admin/event-deliveries?status=lost`, { headers });
    assert.equal(badQuery.status, 400);

    // The development page of earlier versions is gone, whatever the environment says.
    const old = await fetch(`${STORE_URLS[0]}/dev/mailbox`);
    assert.equal(old.status, 404);
    assert.ok(!(await old.text()).includes(order.email), "nothing of the mailbox leaks");
  });
});
