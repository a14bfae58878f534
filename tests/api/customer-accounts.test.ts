// Customer accounts through the published medusa-js client: register, sign in (cookie and bearer),
// sign out, profile, address book, order history, guest order lookup and claims, password reset,
// rate limits — and every try at another customer's data that a shopper could make.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { db } from "../../lib/db/client";
import {
  buyTote,
  CUSTOMER_COOKIE,
  emailedToken,
  freshClientAddress,
  PASSWORD,
  refusal,
  registeredShopper,
  shopper,
  uniqueEmail,
} from "../support/customers";
import { ADDRESS_DE, api, STORE_URLS } from "../support/store-api";
import { disconnectDb } from "../support/test-db";

after(disconnectDb);

const secondInstance = STORE_URLS.length > 1 ? 1 : 0;

const NEW_ADDRESS = {
  first_name: "Ann",
  last_name: "Example",
  address_1: "Kastanienallee 7",
  city: "Berlin",
  postal_code: "10435",
  country_code: "de",
  phone: "+49 30 555",
};

describe("register, sign in, sign out", () => {
  test("registering answers with the customer and a signed-in httpOnly, SameSite=Lax session cookie", async () => {
    const client = shopper();
    const email = uniqueEmail("Reg");
    const answer = await client.medusa.customers.create({ email, password: PASSWORD, first_name: "Ann", last_name: "Example" });
    const cookie = client.keepCookie(answer as never)!;
    assert.ok(cookie, "a session cookie is set");
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, "plain http: Secure would make the browser drop it");
    const customer = answer.customer as any;
    assert.equal(customer.email, email.toLowerCase());
    assert.equal(customer.has_account, true);
    assert.equal(customer.first_name, "Ann");
    assert.deepEqual(customer.shipping_addresses, []);
    assert.equal(customer.password_hash, undefined);
    assert.equal(JSON.stringify(customer).includes("scrypt"), false, "no password hash on the wire");

    const { customer: session } = await client.medusa.auth.getSession();
    assert.equal(session.id, customer.id);
    const { customer: me } = await client.medusa.customers.retrieve();
    assert.equal(me.email, customer.email);
    const event = await db().outboxEvent.findFirst({ where: { name: "customer.created", resourceId: customer.id } });
    assert.deepEqual(JSON.parse(event!.dataJson), { email: customer.email });
  });

  test("an email with an account cannot register again; bad registrations change nothing", async () => {
    const { email } = await registeredShopper();
    const again = await refusal(shopper().medusa.customers.create({ email: email.toUpperCase(), password: PASSWORD, first_name: "B", last_name: "C" }));
    assert.equal(again.status, 422);
    assert.equal(again.body.type, "duplicate_error");
    const client = shopper();
    for (const [payload, field] of [
      [{ email: uniqueEmail(), password: "short", first_name: "A", last_name: "B" }, "password"],
      [{ email: "not-an-email", password: PASSWORD, first_name: "A", last_name: "B" }, "email"],
      [{ email: uniqueEmail(), password: PASSWORD, first_name: "", last_name: "B" }, "first_name"],
      [{ email: uniqueEmail(), password: PASSWORD, first_name: "A", last_name: "B", has_account: true }, "has_account"],
    ] as const) {
      const refused = await refusal(client.medusa.customers.create(payload as never));
      assert.equal(refused.status, 400, JSON.stringify(payload));
      assert.equal(refused.body.type, "invalid_data");
      assert.match(refused.body.message, new RegExp(field));
    }
  });

  test("sign-in answers the same for a wrong password and an unknown email", async () => {
    const { email } = await registeredShopper();
    const client = shopper();
    const wrongPassword = await refusal(client.medusa.auth.authenticate({ email, password: "wrong password" }));
    const unknownEmail = await refusal(client.medusa.auth.authenticate({ email: uniqueEmail("nobody"), password: "wrong password" }));
    assert.equal(wrongPassword.status, 401);
    assert.deepEqual(wrongPassword.body, unknownEmail.body);
    assert.equal(unknownEmail.status, 401);
    assert.equal((await refusal(client.medusa.auth.getSession())).status, 401, "no session was made");
  });

  test("signing out ends the session on every instance: the old cookie is refused afterwards", async () => {
    const { email } = await registeredShopper();
    const client = shopper();
    const answer = await client.medusa.auth.authenticate({ email, password: PASSWORD });
    client.keepCookie(answer as never);
    const stolenCookie = client.headers.cookie;
    const otherInstance = shopper({ instance: secondInstance });
    otherInstance.setCookie(stolenCookie);
    assert.equal((await otherInstance.medusa.customers.retrieve()).customer.email, email.toLowerCase());

    const signedOut = await client.medusa.auth.deleteSession();
    assert.match(client.keepCookie(signedOut as never) ?? "", new RegExp(`^${CUSTOMER_COOKIE}=;.*Max-Age=0`));
    assert.equal(client.headers.cookie, undefined);
    assert.equal((await refusal(otherInstance.medusa.customers.retrieve())).status, 401, "the cookie is dead everywhere");
    assert.equal((await refusal(otherInstance.medusa.auth.getSession())).status, 401);
  });

  test("a bearer token works like the session and ends with sign-out, expiry or tampering", async () => {
    const { email } = await registeredShopper();
    const client = shopper();
    const { access_token } = await client.medusa.auth.getToken({ email, password: PASSWORD });
    assert.equal(typeof access_token, "string");
    client.setBearer(access_token);
    const { customer } = await client.medusa.customers.retrieve();
    assert.equal(customer.email, email.toLowerCase());

    const tampered = shopper({ instance: secondInstance });
    const [header, payload, signature] = access_token.split(".");
    const forged = JSON.parse(Buffer.from(payload, "base64url").toString());
    forged.sub = "cus_someoneelse";
    tampered.setBearer([header, Buffer.from(JSON.stringify(forged)).toString("base64url"), signature].join("."));
    assert.equal((await refusal(tampered.medusa.customers.retrieve())).status, 401, "a forged subject fails the signature");

    // Expiry: the session behind the token runs out.
    const second = shopper({ instance: secondInstance });
    const { access_token: expiring } = await second.medusa.auth.getToken({ email, password: PASSWORD });
    second.setBearer(expiring);
    const sid = JSON.parse(Buffer.from(expiring.split(".")[1], "base64url").toString()).jti;
    await db().authSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    assert.equal((await refusal(second.medusa.customers.retrieve())).status, 401, "an expired session's token is refused");

    await client.medusa.auth.deleteSession();
    assert.equal((await refusal(client.medusa.customers.retrieve())).status, 401, "signed out: the token is dead");
  });

  test("GET /store/auth/:email tells whether an account exists (as Medusa's does)", async () => {
    const { email } = await registeredShopper();
    const client = shopper();
    assert.deepEqual({ ...(await client.medusa.auth.exists(email)), response: undefined }, { exists: true, response: undefined });
    assert.equal((await client.medusa.auth.exists(uniqueEmail("nobody"))).exists, false);
  });

  test("every account route refuses a guest with 401", async () => {
    const guest = shopper();
    const calls: Promise<unknown>[] = [
      guest.medusa.auth.getSession(),
      guest.medusa.customers.retrieve(),
      guest.medusa.customers.update({ first_name: "X" }),
      guest.medusa.customers.listOrders(),
      guest.medusa.customers.addresses.addAddress({ address: NEW_ADDRESS } as never),
      guest.medusa.customers.addresses.updateAddress("addr_1", { city: "X" } as never),
      guest.medusa.customers.addresses.deleteAddress("addr_1"),
      guest.medusa.orders.requestCustomerOrders({ order_ids: ["order_1"] }),
      guest.medusa.orders.confirmRequest({ token: "x" }),
    ];
    for (const call of calls) {
      const refused = await refusal(call);
      assert.equal(refused.status, 401);
      assert.equal(refused.body.type, "unauthorized");
    }
  });
});

describe("bad input to the account routes", () => {
  test("is a 400 JSON error that changes nothing", async () => {
    const ann = await registeredShopper();
    const cookie = ann.headers.cookie!;
    const headers = { cookie, "x-forwarded-for": freshClientAddress() };
    const cases: [string, string, { body?: unknown; rawBody?: string }][] = [
      ["POST", "/store/auth", { rawBody: "{not json" }],
      ["POST", "/store/auth", { body: { email: ann.email } }],
      ["POST", "/store/auth/token", { body: { email: ann.email, password: PASSWORD, remember: true } }],
      ["POST", "/store/customers/me", { body: { billing_address: { city: "X" } } }],
      ["POST", "/store/customers/me", { body: { password: "short" } }],
      ["POST", "/store/customers/me/addresses", { body: { address: { ...NEW_ADDRESS, planet: "Mars" } } }],
      ["POST", "/store/customers/me/addresses", { body: NEW_ADDRESS }],
      ["POST", "/store/customers/password-token", { body: { email: "nope" } }],
      ["POST", "/store/customers/password-reset", { body: { email: ann.email, token: "x" } }],
      ["POST", "/store/orders/batch/customer/token", { body: { order_ids: [] } }],
      ["POST", "/store/orders/customer/confirm", { body: {} }],
      ["GET", "/store/orders?display_id=abc&email=a@example.com", {}],
      ["GET", "/store/customers/me/orders?limit=-1", {}],
    ];
    for (const [method, path, options] of cases) {
      const answer = await api(method as "GET" | "POST", path, { ...options, headers });
      assert.equal(answer.status, 400, `${method} ${path} ${JSON.stringify(options)}: ${JSON.stringify(answer.body)}`);
      assert.equal(answer.body.type, "invalid_data");
    }
    const { customer } = await ann.medusa.customers.retrieve();
    assert.equal(customer.first_name, "Ann");
    assert.deepEqual(customer.shipping_addresses, []);
    await shopper().medusa.auth.authenticate({ email: ann.email, password: PASSWORD });
  });
});

describe("profile and address book", () => {
  test("a customer changes their name and phone; a new password ends their other sessions only", async () => {
    const ann = await registeredShopper();
    const otherDevice = shopper({ instance: secondInstance });
    otherDevice.keepCookie((await otherDevice.medusa.auth.authenticate({ email: ann.email, password: PASSWORD })) as never);

    const { customer } = await ann.medusa.customers.update({ first_name: "Annie", phone: "+49 1" });
    assert.equal(customer.first_name, "Annie");
    assert.equal(customer.phone, "+49 1");
    assert.equal((await otherDevice.medusa.customers.retrieve()).customer.first_name, "Annie");

    await ann.medusa.customers.update({ password: "a brand new password" });
    assert.equal((await ann.medusa.customers.retrieve()).customer.id, customer.id, "this session goes on");
    assert.equal((await refusal(otherDevice.medusa.customers.retrieve())).status, 401, "the other device is signed out");
    assert.equal((await refusal(shopper().medusa.auth.authenticate({ email: ann.email, password: PASSWORD }))).status, 401);
    await shopper().medusa.auth.authenticate({ email: ann.email, password: "a brand new password" });

    const emailChange = await refusal(ann.medusa.customers.update({ email: uniqueEmail() }));
    assert.equal(emailChange.status, 400);
  });

  test("addresses are added, changed and removed; another customer's address id is not found", async () => {
    const ann = await registeredShopper();
    const bob = await registeredShopper({ instance: secondInstance });
    let { customer } = await ann.medusa.customers.addresses.addAddress({ address: NEW_ADDRESS } as never);
    assert.equal(customer.shipping_addresses.length, 1);
    const address = customer.shipping_addresses[0] as any;
    assert.equal(address.address_1, "Kastanienallee 7");
    assert.equal(address.customer_id, customer.id);

    ({ customer } = await ann.medusa.customers.addresses.updateAddress(address.id, { city: "Potsdam", postal_code: "14467" } as never));
    assert.equal(customer.shipping_addresses[0].city, "Potsdam");

    // Bob tries Ann's address through every address route.
    const change = await refusal(bob.medusa.customers.addresses.updateAddress(address.id, { city: "Stolen" } as never));
    assert.equal(change.status, 404);
    const remove = await refusal(bob.medusa.customers.addresses.deleteAddress(address.id));
    assert.equal(remove.status, 404);
    assert.equal((await bob.medusa.customers.retrieve()).customer.shipping_addresses.length, 0);
    const annNow = (await ann.medusa.customers.retrieve()).customer;
    assert.equal(annNow.shipping_addresses[0].city, "Potsdam", "Ann's address is untouched");

    const incomplete = await refusal(ann.medusa.customers.addresses.addAddress({ address: { ...NEW_ADDRESS, address_1: "" } } as never));
    assert.equal(incomplete.status, 400);
    assert.match(incomplete.body.message, /address_1/);

    ({ customer } = await ann.medusa.customers.addresses.deleteAddress(address.id));
    assert.equal(customer.shipping_addresses.length, 0);
    assert.equal((await refusal(ann.medusa.customers.addresses.deleteAddress(address.id))).status, 404);
  });
});

describe("carts and orders of a customer", () => {
  test("a signed-in customer's cart carries their id and email, and the order shows in their history only", async () => {
    const ann = await registeredShopper();
    const bob = await registeredShopper({ instance: secondInstance });
    const { cart } = await ann.medusa.carts.create({ region_id: "reg_europe" });
    assert.equal(cart.customer_id, ann.customer.id);
    assert.equal(cart.email, ann.email.toLowerCase());
    const first = await buyTote(ann, {});
    const second = await buyTote(ann, {});
    assert.equal(first.customer_id, ann.customer.id);

    const history = await ann.medusa.customers.listOrders();
    assert.deepEqual(history.orders.map((order: any) => order.id), [second.id, first.id], "newest first");
    assert.equal(history.count, 2);
    const page = await ann.medusa.customers.listOrders({ limit: 1, offset: 1 });
    assert.deepEqual([page.orders.map((order: any) => order.id), page.count, page.limit, page.offset], [[first.id], 2, 1, 1]);
    const byNumber = await ann.medusa.customers.listOrders({ display_id: first.display_id } as never);
    assert.deepEqual(byNumber.orders.map((order: any) => order.id), [first.id]);

    const bobs = await bob.medusa.customers.listOrders();
    assert.equal(bobs.count, 0, "Bob sees none of Ann's orders");
    const bobFiltered = await bob.medusa.customers.listOrders({ id: first.id } as never);
    assert.equal(bobFiltered.count, 0, "not even by naming its id");
  });

  test("a guest cart is adopted on sign-in; customer_id can only name the signed-in customer", async () => {
    const ann = await registeredShopper();
    const bob = await registeredShopper({ instance: secondInstance });
    const guest = shopper();
    const { cart } = await guest.medusa.carts.create({ region_id: "reg_europe", items: [{ variant_id: "variant_canvastoteonesize", quantity: 1 }] } as never);
    assert.equal(cart.customer_id, null);

    const anonymous = await refusal(guest.medusa.carts.update(cart.id, { customer_id: ann.customer.id } as never));
    assert.equal(anonymous.status, 401, "a guest cannot give a cart to a customer");
    const swapped = await refusal(bob.medusa.carts.update(cart.id, { customer_id: ann.customer.id } as never));
    assert.equal(swapped.status, 400, "Bob cannot give a cart to Ann");
    assert.equal(swapped.body.code, "customer_mismatch");

    const { cart: adopted } = await ann.medusa.carts.update(cart.id, { customer_id: ann.customer.id } as never);
    assert.equal(adopted.customer_id, ann.customer.id);
    assert.equal(adopted.email, ann.email.toLowerCase());
    const taken = await refusal(bob.medusa.carts.update(cart.id, { customer_id: bob.customer.id } as never));
    assert.equal(taken.status, 404, "Bob cannot take a cart already in Ann's account: to him it does not exist");

    const order = await buyTote(ann, { cartId: cart.id });
    assert.deepEqual((await ann.medusa.customers.listOrders()).orders.map((row: any) => row.id), [order.id]);
  });

  test("a cart in an account is not found by anyone else, through every cart route", async () => {
    const ann = await registeredShopper();
    const bob = await registeredShopper({ instance: secondInstance });
    const { cart } = await ann.medusa.carts.create({ region_id: "reg_europe", items: [{ variant_id: "variant_canvastoteonesize", quantity: 1 }] } as never);
    const lineId = cart.items[0].id;
    await ann.medusa.carts.update(cart.id, { shipping_address: ADDRESS_DE as never });
    const { shipping_options } = await ann.medusa.shippingOptions.listCartOptions(cart.id);
    // Ann on another device, signed out there: that cookie names a dead session.
    const signedOut = shopper();
    signedOut.keepCookie((await signedOut.medusa.auth.authenticate({ email: ann.email, password: PASSWORD })) as never);
    await signedOut.medusa.auth.deleteSession();

    for (const [who, other] of [["Bob", bob], ["a guest", shopper()], ["Ann's signed-out cookie", signedOut]] as const) {
      // One at a time: each try is made only when the previous one was refused.
      const tries: [string, () => Promise<unknown>][] = [
        ["retrieve", () => other.medusa.carts.retrieve(cart.id)],
        ["update", () => other.medusa.carts.update(cart.id, { email: "thief@example.com" })],
        ["add line", () => other.medusa.carts.lineItems.create(cart.id, { variant_id: "variant_ceramicmugsand", quantity: 1 })],
        ["change line", () => other.medusa.carts.lineItems.update(cart.id, lineId, { quantity: 5 })],
        ["remove line", () => other.medusa.carts.lineItems.delete(cart.id, lineId)],
        ["shipping options", () => other.medusa.shippingOptions.listCartOptions(cart.id)],
        ["shipping method", () => other.medusa.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id! })],
        ["payment sessions", () => other.medusa.carts.createPaymentSessions(cart.id)],
        ["select payment", () => other.medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" })],
        ["refresh payment", () => other.medusa.carts.refreshPaymentSession(cart.id, "manual")],
        ["delete payment", () => other.medusa.carts.deletePaymentSession(cart.id, "manual")],
        ["complete", () => other.medusa.carts.complete(cart.id)],
      ];
      for (const [what, attempt] of tries) {
        const refused = await refusal(attempt());
        assert.equal(refused.status, 404, `${who}: ${what}`);
        assert.equal(JSON.stringify(refused.body).includes(ann.email.toLowerCase()), false);
      }
    }
    const { cart: untouched } = await ann.medusa.carts.retrieve(cart.id);
    assert.equal(untouched.email, ann.email.toLowerCase());
    assert.deepEqual(untouched.items.map((item: any) => [item.variant_id, item.quantity]), [["variant_canvastoteonesize", 1]]);
    assert.equal(untouched.shipping_methods.length, 0);
  });

  test("a guest looks an order up by number and email; nothing else finds it", async () => {
    const guest = shopper();
    const email = uniqueEmail("guest");
    const order = await buyTote(guest, { email });
    const { order: found } = await guest.medusa.orders.lookupOrder({ display_id: order.display_id, email: email.toUpperCase() } as never);
    assert.equal(found.id, order.id);
    const withPostalCode = await shopper().medusa.orders.lookupOrder({
      display_id: order.display_id,
      email,
      shipping_address: { postal_code: ADDRESS_DE.postal_code },
    } as never);
    assert.equal(withPostalCode.order.id, order.id);

    for (const query of [
      { display_id: order.display_id, email: uniqueEmail("guest") },
      { display_id: order.display_id + 100000, email },
      { display_id: order.display_id, email, shipping_address: { postal_code: "99999" } },
    ]) {
      const refused = await refusal(shopper().medusa.orders.lookupOrder(query as never));
      assert.equal(refused.status, 404, JSON.stringify(query));
    }
    const missing = await refusal(shopper().medusa.orders.lookupOrder({ display_id: order.display_id } as never));
    assert.equal(missing.status, 400);
  });

  test("registering with a guest's email shows the guest orders only after the email is confirmed", async () => {
    const email = uniqueEmail("later");
    const guestOrder = await buyTote(shopper(), { email });
    const ann = await registeredShopper({ email });
    assert.equal(ann.customer.id, guestOrder.customer_id, "the guest row became the account");
    assert.equal((await ann.medusa.customers.listOrders()).count, 0, "not before the email is proved");

    // Ask for every guest order of the account's email: a token goes to that email.
    await ann.medusa.orders.requestCustomerOrders({} as never);
    const token = await emailedToken("order.claim_requested", ann.customer.id);
    assert.ok(token, "a claim token was recorded for the email");
    const event = await db().outboxEvent.findFirst({ where: { name: "order.claim_requested", resourceId: ann.customer.id } });
    assert.deepEqual(JSON.parse(event!.dataJson).order_ids, [guestOrder.id]);
    assert.equal(JSON.parse(event!.dataJson).email, email.toLowerCase());
    const stored = await db().customerToken.findMany({ where: { customerId: ann.customer.id } });
    assert.ok(stored.every((row) => row.id !== token), "only the token's hash is stored");

    // Another customer who got hold of the token cannot use it, and does not use it up.
    const bob = await registeredShopper({ instance: secondInstance });
    assert.equal((await refusal(bob.medusa.orders.confirmRequest({ token: token! }))).status, 401);
    assert.equal((await bob.medusa.customers.listOrders()).count, 0);

    const confirmed = await ann.medusa.orders.confirmRequest({ token: token! });
    assert.deepEqual((confirmed as any).claimed_order_ids, [guestOrder.id]);
    assert.deepEqual((await ann.medusa.customers.listOrders()).orders.map((order: any) => order.id), [guestOrder.id]);
    assert.equal((await refusal(ann.medusa.orders.confirmRequest({ token: token! }))).status, 401, "a token works once");
  });

  test("claiming by order id mails the order's email; orders in another account cannot be claimed", async () => {
    const guestEmail = uniqueEmail("elsewhere");
    const guestOrder = await buyTote(shopper(), { email: guestEmail });
    const ann = await registeredShopper();
    const annOrder = await buyTote(ann, {});
    const bob = await registeredShopper({ instance: secondInstance });

    await bob.medusa.orders.requestCustomerOrders({ order_ids: [guestOrder.id, annOrder.id] });
    const event = await db().outboxEvent.findFirst({ where: { name: "order.claim_requested", resourceId: bob.customer.id } });
    const data = JSON.parse(event!.dataJson);
    assert.equal(data.email, guestEmail.toLowerCase(), "the token goes to the guest order's email");
    assert.deepEqual(data.order_ids, [guestOrder.id], "Ann's account order is not claimable");
    const confirmed = await bob.medusa.orders.confirmRequest({ token: data.token });
    assert.deepEqual((confirmed as any).claimed_order_ids, [guestOrder.id]);
    assert.deepEqual((await ann.medusa.customers.listOrders()).orders.map((order: any) => order.id), [annOrder.id]);
  });
});

describe("password reset", () => {
  test("a reset token works once, ends every session, and the answer never tells whether the email has an account", async () => {
    const ann = await registeredShopper();
    const client = shopper();
    const known = await client.medusa.customers.generatePasswordToken({ email: ann.email });
    const unknown = await client.medusa.customers.generatePasswordToken({ email: uniqueEmail("nobody") });
    assert.equal(known.response.status, 204);
    assert.equal(unknown.response.status, 204);
    const token = await emailedToken("customer.password_reset", ann.customer.id);
    assert.ok(token);
    const event = await db().outboxEvent.findFirst({ where: { name: "customer.password_reset", resourceId: ann.customer.id } });
    const data = JSON.parse(event!.dataJson);
    assert.equal(data.email, ann.email.toLowerCase());
    assert.ok(new Date(data.expires_at).getTime() - Date.now() <= 30 * 60_000 + 5_000, "short-lived");

    const wrongEmail = await refusal(client.medusa.customers.resetPassword({ email: uniqueEmail(), token: token!, password: "new password 1" }));
    assert.equal(wrongEmail.status, 401, "the token only works with its own email");
    const { customer } = await client.medusa.customers.resetPassword({ email: ann.email, token: token!, password: "new password 1" });
    assert.equal(customer.id, ann.customer.id);
    assert.equal((await refusal(ann.medusa.customers.retrieve())).status, 401, "the old session ended");
    const reused = await refusal(client.medusa.customers.resetPassword({ email: ann.email, token: token!, password: "new password 2" }));
    assert.equal(reused.status, 401, "used once, the token is dead");
    assert.equal((await refusal(client.medusa.auth.authenticate({ email: ann.email, password: PASSWORD }))).status, 401);
    await client.medusa.auth.authenticate({ email: ann.email, password: "new password 1" });
  });

  test("an expired reset token is refused", async () => {
    const ann = await registeredShopper();
    await shopper().medusa.customers.generatePasswordToken({ email: ann.email });
    const token = await emailedToken("customer.password_reset", ann.customer.id);
    await db().customerToken.updateMany({ where: { customerId: ann.customer.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const refused = await refusal(shopper().medusa.customers.resetPassword({ email: ann.email, token: token!, password: "new password 1" }));
    assert.equal(refused.status, 401);
  });
});

describe("rate limits hold across instances", () => {
  test("sign-in per email: after 10 failures from many addresses even the right password waits", async () => {
    const { email } = await registeredShopper();
    for (let attempt = 0; attempt < 10; attempt++) {
      const refused = await refusal(shopper({ instance: attempt }).medusa.auth.authenticate({ email, password: `wrong ${attempt}` }));
      assert.equal(refused.status, 401, `attempt ${attempt + 1}`);
    }
    const limited = await refusal(shopper({ instance: 1 }).medusa.auth.getToken({ email, password: PASSWORD }));
    assert.equal(limited.status, 429);
    assert.equal(limited.body.type, "too_many_requests");
  });

  test("reset requests per client address: the 21st from one address is refused, whatever the email", async () => {
    const address = freshClientAddress();
    for (let attempt = 0; attempt < 20; attempt++) {
      const answer = await api("POST", "/store/customers/password-token", {
        body: { email: uniqueEmail("spray") },
        headers: { "x-forwarded-for": address },
        instance: attempt,
      });
      assert.equal(answer.status, 204, `attempt ${attempt + 1}`);
    }
    const limited = await api("POST", "/store/customers/password-token", { body: { email: uniqueEmail() }, headers: { "x-forwarded-for": address }, instance: 1 });
    assert.equal(limited.status, 429);
    const elsewhere = await api("POST", "/store/customers/password-token", { body: { email: uniqueEmail() }, headers: { "x-forwarded-for": freshClientAddress() } });
    assert.equal(elsewhere.status, 204, "another address is not affected");
  });
});
