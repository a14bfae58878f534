// Discount codes with their rules, through medusa-js: each refusal is a 400 a shopper can act on
// and changes nothing; one code per cart; usage is counted once, at completion, and a limit
// holds when many carts complete at once on both app instances.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { ADDRESS_DE, api, createCart, EUROPE, expectOk, UNITED_STATES, VARIANTS } from "../support/store-api";
import { medusaClient, refusal } from "../support/medusa";
import { createDiscount, disconnectDb, discountUsage, ordersOfCart } from "../support/test-db";

after(disconnectDb);

const medusa = medusaClient();
type Cart = Record<string, any>;
const BOTTLE = VARIANTS.bottleUnmanaged; // €24.00 / $27.00, never out of stock
const ADDRESS_NY = { first_name: "Ada", last_name: "Lovelace", address_1: "350 5th Ave", city: "New York", postal_code: "10118", country_code: "us", province: "NY" };

async function cartWith(quantity: number, regionId = EUROPE): Promise<Cart> {
  return createCart([{ variant_id: BOTTLE, quantity }], regionId);
}

const applyCode = (cartId: string, code: string, instance = 0) =>
  medusaClient(instance).carts.update(cartId, { discounts: [{ code }] }).then(({ cart }) => cart as unknown as Cart);

/** A cart ready to complete: email, address, the cheapest shipping, manual payment. */
async function readyToPay(cartId: string, options: { email?: string; address?: Record<string, unknown>; instance?: number } = {}): Promise<Cart> {
  const client = medusaClient(options.instance ?? 0);
  await client.carts.update(cartId, { email: options.email ?? `shopper+${randomUUID().slice(0, 8)}@example.com`, shipping_address: options.address ?? ADDRESS_DE });
  const { shipping_options } = await client.shippingOptions.listCartOptions(cartId);
  await client.carts.addShippingMethod(cartId, { option_id: shipping_options[0].id! });
  await client.carts.createPaymentSessions(cartId);
  return (await client.carts.setPaymentSession(cartId, { provider_id: "manual" })).cart as unknown as Cart;
}

/** A refusal: 400, the code, a message, and the cart exactly as before. */
async function assertRefusedUnchanged(cartId: string, code: string, expectedCode: string, messagePart: RegExp) {
  const before = expectOk(await api("GET", `/store/carts/${cartId}`), "before").cart;
  const refused = await refusal(medusa.carts.update(cartId, { discounts: [{ code }] }));
  assert.equal(refused.status, 400, JSON.stringify(refused.body));
  assert.equal(refused.body.code, expectedCode);
  assert.match(refused.body.message, messagePart);
  const after = expectOk(await api("GET", `/store/carts/${cartId}`), "after").cart;
  assert.deepEqual(after.discounts, before.discounts, "the refusal changed nothing");
  assert.equal(after.total, before.total);
}

describe("discount rules", () => {
  test("codes are case-insensitive; a new code replaces the current one; deleteDiscount removes it", async () => {
    const created = await cartWith(2); // €48.00
    let cart = await applyCode(created.id, "welcome10");
    assert.deepEqual(cart.discounts.map((discount: any) => discount.code), ["WELCOME10"]);
    assert.equal(cart.total, 4800 - 480);
    cart = await applyCode(created.id, "Euro5");
    assert.deepEqual(cart.discounts.map((discount: any) => discount.code), ["EURO5"], "one discount per cart");
    assert.equal(cart.total, 4800 - 500);
    assert.equal(cart.summary.discount, 500);
    cart = (await medusa.carts.deleteDiscount(created.id, "euro5")).cart as unknown as Cart;
    assert.deepEqual(cart.discounts, []);
    assert.equal(cart.total, 4800);
    const notApplied = await refusal(medusa.carts.deleteDiscount(created.id, "EURO5"));
    assert.equal(notApplied.status, 404);
  });

  test("free shipping takes the shipping off, nothing else", async () => {
    const created = await cartWith(1);
    await readyToPay(created.id);
    const cart = await applyCode(created.id, "FREESHIP");
    assert.equal(cart.total, 2400, "€24.00 and no shipping");
    assert.equal(cart.shipping_methods[0].total, 0);
    assert.equal(cart.summary.discount, 495);
  });

  test("refusals: unknown, expired, not yet valid, wrong region, wrong currency, below the minimum, no eligible item", async () => {
    const cart = await cartWith(2); // €48.00
    await applyCode(cart.id, "WELCOME10"); // so "changes nothing" keeps a discount
    await assertRefusedUnchanged(cart.id, "NOPE123", "discount_not_found", /does not exist/);
    await assertRefusedUnchanged(cart.id, "summer24", "discount_expired", /expired on 1 September 2024/);
    const future = await createDiscount({ type: "percentage", value: 5, startsAt: new Date(Date.now() + 86_400_000 * 3) });
    await assertRefusedUnchanged(cart.id, future, "discount_not_started", /can be used from/);
    const usd = await createDiscount({ type: "fixed", value: 500, currencyCode: "usd" });
    await assertRefusedUnchanged(cart.id, usd, "discount_wrong_currency", /USD/);
    await assertRefusedUnchanged(cart.id, "BIG20", "discount_minimum_not_met", /€100\.00/);
    const totesOnly = await createDiscount({ type: "percentage", value: 50, productIds: ["prod_canvastote"] });
    await assertRefusedUnchanged(cart.id, totesOnly, "discount_not_applicable", /does not apply/);
    const disabled = await createDiscount({ type: "percentage", value: 30, isDisabled: true });
    await assertRefusedUnchanged(cart.id, disabled, "discount_disabled", /no longer valid/);
    const us = await cartWith(1, UNITED_STATES);
    await assertRefusedUnchanged(us.id, "EURO5", "discount_not_in_region", /Europe|United States/);
  });

  test("a minimum is met by the items as shown; a product-limited code discounts only those products", async () => {
    const created = await cartWith(5); // €120.00
    let cart = await applyCode(created.id, "BIG20");
    assert.equal(cart.total, 12_000 - 2400);
    const bottlesOnly = await createDiscount({ type: "fixed", value: 1000, currencyCode: "eur", productIds: ["prod_steelwaterbottle"] });
    cart = (await medusa.carts.lineItems.create(created.id, { variant_id: VARIANTS.mugSand, quantity: 1 })).cart as unknown as Cart;
    cart = await applyCode(created.id, bottlesOnly);
    const mug = cart.items.find((item: any) => item.variant_id === VARIANTS.mugSand);
    const bottles = cart.items.find((item: any) => item.variant_id === BOTTLE);
    assert.equal(mug.total, 1600, "the mug is not discounted");
    assert.equal(bottles.total, 12_000 - 1000);
  });

  test("the minimum is checked again at completion: a cart that fell below it is refused before payment", async () => {
    const created = await cartWith(5);
    await applyCode(created.id, "BIG20");
    const cart = await readyToPay(created.id);
    await medusa.carts.lineItems.update(created.id, cart.items[0].id, { quantity: 1 });
    const { shipping_options } = await medusa.shippingOptions.listCartOptions(created.id);
    await medusa.carts.addShippingMethod(created.id, { option_id: shipping_options[0].id! });
    const refused = await refusal(medusa.carts.complete(created.id));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, "discount_minimum_not_met");
    assert.equal(await ordersOfCart(created.id), 0);
  });

  test("usage is counted once, at completion, not when applied or retried", async () => {
    const code = await createDiscount({ type: "percentage", value: 10, usageLimit: 5 });
    const created = await cartWith(1);
    await applyCode(created.id, code);
    await readyToPay(created.id);
    assert.equal(await discountUsage(code), 0, "applying does not use it");
    const first = await medusa.carts.complete(created.id);
    assert.equal(first.type, "order");
    const order = first.data as unknown as Cart;
    assert.equal(order.discounts[0].code, code);
    assert.equal(order.total, 2400 - 240 + 495);
    const again = await medusa.carts.complete(created.id);
    assert.equal((again.data as unknown as Cart).id, order.id);
    assert.equal(await discountUsage(code), 1);
  });

  test("a used-up code is refused", async () => {
    const code = await createDiscount({ type: "percentage", value: 10, usageLimit: 1 });
    const first = await cartWith(1);
    await applyCode(first.id, code);
    await readyToPay(first.id);
    assert.equal((await medusa.carts.complete(first.id)).type, "order");
    const second = await cartWith(1);
    await assertRefusedUnchanged(second.id, code, "discount_used_up", /used as often as it can be/);
  });

  test("one use per customer: refused when applied with the same email, and at completion when the email comes later", async () => {
    const code = await createDiscount({ type: "percentage", value: 15, oncePerCustomer: true });
    const email = `once+${randomUUID().slice(0, 8)}@example.com`;
    const first = await cartWith(1);
    await applyCode(first.id, code);
    await readyToPay(first.id, { email });
    assert.equal((await medusa.carts.complete(first.id)).type, "order");

    const second = await cartWith(1);
    await medusa.carts.update(second.id, { email: email.toUpperCase() });
    await assertRefusedUnchanged(second.id, code, "discount_already_used", /already used/);

    const third = await cartWith(1);
    await applyCode(third.id, code);
    await readyToPay(third.id, { email });
    const refused = await refusal(medusa.carts.complete(third.id));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, "discount_already_used");
    assert.equal(await ordersOfCart(third.id), 0);
    assert.equal(await discountUsage(code), 1);
  });

  test("a usage limit of 3 holds when 8 carts complete at once over both instances", async () => {
    const code = await createDiscount({ type: "percentage", value: 10, usageLimit: 3 });
    const carts = await Promise.all(
      Array.from({ length: 8 }, async (_, index) => {
        const created = await cartWith(1);
        await applyCode(created.id, code, index);
        return readyToPay(created.id, { instance: index });
      }),
    );
    const answers = await Promise.all(carts.map((cart, index) => api("POST", `/store/carts/${cart.id}/complete`, { instance: index })));
    const orders = answers.filter((answer) => answer.status === 200 && answer.body.type === "order");
    const refused = answers.filter((answer) => answer.status === 400);
    assert.equal(orders.length, 3, JSON.stringify(answers.map((answer) => [answer.status, answer.body.code])));
    assert.equal(refused.length, 5);
    for (const answer of refused) assert.equal(answer.body.code, "discount_used_up");
    assert.equal(await discountUsage(code), 3);
  });

  test("moving a cart to another currency drops a fixed discount of the old one", async () => {
    const dollars = await createDiscount({ type: "fixed", value: 500, currencyCode: "usd" });
    const created = await cartWith(1, UNITED_STATES);
    assert.equal((await applyCode(created.id, dollars)).total, 2700 - 500);
    const { cart } = await medusa.carts.update(created.id, { region_id: EUROPE });
    assert.deepEqual((cart as unknown as Cart).discounts, []);
    assert.equal((cart as unknown as Cart).total, 2400);
  });

  test("a US cart: the discount comes off before the state's sales tax", async () => {
    const created = await cartWith(2, UNITED_STATES); // $54.00
    await medusa.carts.update(created.id, { shipping_address: ADDRESS_NY });
    const cart = await applyCode(created.id, "WELCOME10");
    assert.equal(cart.discount_total, 540);
    assert.equal(cart.tax_total, 194); // 4 % of 4860 = 194.4
    assert.equal(cart.total, 5400 - 540 + 194);
  });
});
