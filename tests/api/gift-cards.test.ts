// Gift cards through medusa-js: applied after discounts and tax, never below zero, removed with
// DELETE /store/carts/:id/gift-cards/:code; the balance is taken exactly once at completion, also
// when two carts using one card complete at once; a cart paid in full by gift cards completes
// without a card payment; the PaymentIntent amount follows every change (Stripe emulator).
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { ADDRESS_DE, api, createCart, EUROPE, expectOk, VARIANTS } from "../support/store-api";
import { medusaClient, refusal } from "../support/medusa";
import { intentOfSession, retrieveIntent, SKIP_REASONS, STRIPE_SECRET_KEY } from "../support/stripe-test-kit";
import { createDiscount, createGiftCard, disconnectDb, expireGiftCard, giftCardBalance, giftCardTaken, ordersOfCart } from "../support/test-db";

after(disconnectDb);

const medusa = medusaClient();
type Cart = Record<string, any>;
const BOTTLE = VARIANTS.bottleUnmanaged; // €24.00, never out of stock

const applyCards = (cartId: string, codes: string[], instance = 0) =>
  medusaClient(instance).carts.update(cartId, { gift_cards: codes.map((code) => ({ code })) }).then(({ cart }) => cart as unknown as Cart);
const removeCard = (cartId: string, code: string) => api("DELETE", `/store/carts/${cartId}/gift-cards/${encodeURIComponent(code)}`);

async function readyToPay(cartId: string, options: { provider?: string; instance?: number; address?: Record<string, unknown> } = {}): Promise<Cart> {
  const client = medusaClient(options.instance ?? 0);
  await client.carts.update(cartId, { email: `gift+${randomUUID().slice(0, 8)}@example.com`, shipping_address: options.address ?? ADDRESS_DE });
  const { shipping_options } = await client.shippingOptions.listCartOptions(cartId);
  await client.carts.addShippingMethod(cartId, { option_id: shipping_options[0].id! });
  const { cart } = await client.carts.createPaymentSessions(cartId);
  if ((cart as unknown as Cart).payment_sessions.length === 0) return cart as unknown as Cart;
  return (await client.carts.setPaymentSession(cartId, { provider_id: options.provider ?? "manual" })).cart as unknown as Cart;
}

describe("gift cards", () => {
  test("a card pays part of the cart after the discount; removing it gives the total back", async () => {
    const code = await createGiftCard(1000);
    const created = await createCart([{ variant_id: BOTTLE, quantity: 2 }], EUROPE); // €48.00
    await medusa.carts.update(created.id, { discounts: [{ code: "WELCOME10" }] });
    const cart = await applyCards(created.id, [code.toLowerCase()]);
    assert.equal(cart.gift_card_total, 1000);
    assert.equal(cart.total, 4800 - 480 - 1000);
    assert.equal(cart.tax_total, 690, "tax is on the discounted price, the gift card does not change it"); // 4320 × 19/119
    assert.deepEqual(cart.gift_cards.map((card: any) => [card.code, card.balance, card.amount]), [[code, 1000, 1000]]);
    const removed = expectOk(await removeCard(created.id, code), "remove").cart;
    assert.equal(removed.gift_card_total, 0);
    assert.equal(removed.total, 4800 - 480);
    assert.equal((await removeCard(created.id, code)).status, 404);
  });

  test("a shopper checks a card's balance with medusa-js giftCards.retrieve; unknown codes are 404", async () => {
    const code = await createGiftCard(1234);
    const { gift_card } = await medusa.giftCards.retrieve(code.toLowerCase());
    assert.equal(gift_card.code, code);
    assert.equal(gift_card.balance, 1234);
    assert.equal(gift_card.region_id, EUROPE);
    assert.equal((await refusal(medusa.giftCards.retrieve("NO-SUCH-CARD"))).status, 404);
  });

  test("refusals: unknown, another region's, no balance left; each changes nothing", async () => {
    const created = await createCart([{ variant_id: BOTTLE, quantity: 1 }], EUROPE);
    const usable = await createGiftCard(500);
    await applyCards(created.id, [usable]);
    const empty = await createGiftCard(0);
    for (const [code, expected] of [["NO-SUCH-CARD", "gift_card_not_found"], ["GIFT-USD-25", "gift_card_not_in_region"], [empty, "gift_card_used_up"]]) {
      const refused = await refusal(medusa.carts.update(created.id, { gift_cards: [{ code: usable }, { code }] }));
      assert.equal(refused.status, 400, code);
      assert.equal(refused.body.code, expected);
      const cart = expectOk(await api("GET", `/store/carts/${created.id}`), "read").cart;
      assert.deepEqual(cart.gift_cards.map((card: any) => card.code), [usable], "the cart keeps the card it had");
      assert.equal(cart.total, 2400 - 500);
    }
  });

  test("an expired card is refused when applied, and at completion before any payment when it expired meanwhile", async () => {
    const expired = await createGiftCard(1000, EUROPE, { endsAt: new Date("2025-01-01T00:00:00Z") });
    const created = await createCart([{ variant_id: BOTTLE, quantity: 1 }], EUROPE);
    const refused = await refusal(medusa.carts.update(created.id, { gift_cards: [{ code: expired }] }));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, "gift_card_expired");
    assert.match(refused.body.message, /expired on 1 January 2025/);

    const code = await createGiftCard(1000);
    await applyCards(created.id, [code]);
    await readyToPay(created.id);
    await expireGiftCard(code);
    const atCompletion = await refusal(medusa.carts.complete(created.id));
    assert.equal(atCompletion.status, 400);
    assert.equal(atCompletion.body.code, "gift_card_expired");
    assert.equal(await ordersOfCart(created.id), 0);
    assert.equal(await giftCardBalance(code), 1000, "nothing was taken");
  });

  test("a cart paid in full by a gift card has no payment sessions and completes without a card payment, taking the balance once", async () => {
    const code = await createGiftCard(10_000);
    const created = await createCart([{ variant_id: BOTTLE, quantity: 1 }], EUROPE);
    await applyCards(created.id, [code]);
    const cart = await readyToPay(created.id);
    assert.equal(cart.total, 0, "never below zero");
    assert.equal(cart.gift_card_total, 2400 + 495);
    assert.deepEqual(cart.payment_sessions, [], "nothing to pay, nothing to authorize");
    const refused = await refusal(medusa.carts.setPaymentSession(created.id, { provider_id: "manual" }));
    assert.equal(refused.body.code, "nothing_to_pay");

    const completed = await medusa.carts.complete(created.id);
    assert.equal(completed.type, "order");
    const order = completed.data as unknown as Cart;
    assert.equal(order.total, 0);
    assert.equal(order.gift_card_total, 2895);
    assert.deepEqual(order.payments, []);
    assert.equal(order.gift_card_transactions[0].amount, 2895);
    assert.equal(order.tax_total, cart.tax_total, "the order keeps the tax it was sold with");
    await medusa.carts.complete(created.id); // a retry answers with the same order
    assert.equal(await giftCardBalance(code), 10_000 - 2895, "taken exactly once");
    assert.equal(await giftCardTaken(code), 2895);
  });

  test("two carts using one card complete at once on both instances: the balance is never overdrawn", async () => {
    const code = await createGiftCard(4000);
    const carts = await Promise.all(
      [0, 1].map(async (instance) => {
        const created = await createCart([{ variant_id: BOTTLE, quantity: 1 }], EUROPE);
        await applyCards(created.id, [code], instance);
        return readyToPay(created.id, { instance });
      }),
    );
    for (const cart of carts) assert.equal(cart.gift_card_total, 2895);
    const answers = await Promise.all(carts.map((cart, instance) => api("POST", `/store/carts/${cart.id}/complete`, { instance })));
    const won = answers.filter((answer) => answer.status === 200 && answer.body.type === "order");
    const lost = answers.filter((answer) => answer.status === 400);
    assert.equal(won.length, 1, JSON.stringify(answers.map((answer) => [answer.status, answer.body.code])));
    assert.equal(lost.length, 1);
    // Refused inside the order transaction, or (when the winner had committed before the loser
    // read its cart) before it: the card then pays only what is left, so a payment is needed.
    assert.ok(["gift_card_balance_changed", "no_payment_session"].includes(lost[0].body.code), lost[0].body.code);
    assert.equal(await giftCardBalance(code), 4000 - 2895);
    assert.equal(await giftCardTaken(code), 2895);
    const loser = carts[answers.indexOf(lost[0])];
    assert.equal(await ordersOfCart(loser.id), 0);
    const reread = expectOk(await api("GET", `/store/carts/${loser.id}`), "loser").cart;
    assert.equal(reread.gift_card_total, 4000 - 2895, "the loser's cart now uses what is left");
  });

  test("a discount and a gift card together: the order keeps both", async () => {
    const code = await createGiftCard(2000);
    const discount = await createDiscount({ type: "fixed", value: 400, currencyCode: "eur" });
    const created = await createCart([{ variant_id: BOTTLE, quantity: 1 }], EUROPE);
    await medusa.carts.update(created.id, { discounts: [{ code: discount }], gift_cards: [{ code }] });
    const cart = await readyToPay(created.id);
    assert.equal(cart.total, 2400 - 400 + 495 - 2000);
    const order = (await medusa.carts.complete(created.id)).data as unknown as Cart;
    for (const field of ["subtotal", "discount_total", "shipping_total", "tax_total", "gift_card_total", "total"]) {
      assert.equal(order[field], cart[field], field);
    }
    assert.equal(order.discounts[0].code, discount);
    assert.equal(order.gift_cards[0].code, code);
    assert.equal(order.payments[0].amount, cart.total);
  });
});

const skipStripe = STRIPE_SECRET_KEY ? false : SKIP_REASONS.noStripe;

describe("the PaymentIntent amount follows codes and gift cards", { skip: skipStripe }, () => {
  test("after a discount, its removal, a gift card, its removal", async () => {
    const created = await createCart([{ variant_id: BOTTLE, quantity: 2 }], EUROPE);
    let cart = await readyToPay(created.id, { provider: "stripe" });
    const intentId = intentOfSession(cart).id;
    const expectIntent = async (what: string) => {
      assert.equal((await retrieveIntent(intentId)).amount, cart.total, `Stripe's amount after ${what}`);
      assert.equal(cart.payment_session.amount, cart.total);
    };
    await expectIntent("the start");
    cart = (await medusa.carts.update(created.id, { discounts: [{ code: "WELCOME10" }] })).cart as unknown as Cart;
    assert.equal(cart.total, 4800 - 480 + 495);
    await expectIntent("a discount");
    cart = (await medusa.carts.deleteDiscount(created.id, "WELCOME10")).cart as unknown as Cart;
    await expectIntent("removing the discount");
    const card = await createGiftCard(1500);
    cart = await applyCards(created.id, [card]);
    assert.equal(cart.total, 4800 + 495 - 1500);
    await expectIntent("a gift card");
    cart = expectOk(await removeCard(created.id, card), "remove card").cart;
    assert.equal(cart.total, 4800 + 495);
    await expectIntent("removing the gift card");
    cart = (await medusa.carts.update(created.id, { shipping_address: { country_code: "se" } })).cart as unknown as Cart;
    assert.equal(cart.total, 4800 + 495, "a tax-inclusive price does not move with the country");
    await expectIntent("a new country");
  });

  test("a US cart: the intent follows the state's sales tax when the address changes", async () => {
    const address = { first_name: "Ada", last_name: "Lovelace", address_1: "1 Main St", city: "Austin", postal_code: "73301", country_code: "us", province: "TX" };
    const created = await createCart([{ variant_id: BOTTLE, quantity: 1 }], "reg_unitedstates"); // $27.00
    let cart = await readyToPay(created.id, { provider: "stripe", address });
    assert.equal(cart.total, 2700 + 595 + 169 + 37); // Texas 6.25 %: 168.75 and 37.19
    const intentId = intentOfSession(cart).id;
    assert.equal((await retrieveIntent(intentId)).amount, cart.total);
    cart = (await medusa.carts.update(created.id, { shipping_address: { province: "CA" } })).cart as unknown as Cart;
    assert.equal(cart.total, 2700 + 595 + 196, "California: 7.25 % on the item, shipping exempt");
    assert.equal((await retrieveIntent(intentId)).amount, cart.total);
  });

  test("a gift card covering everything cancels the intent; removing it needs a new payment", async () => {
    const created = await createCart([{ variant_id: BOTTLE, quantity: 1 }], EUROPE);
    const cart = await readyToPay(created.id, { provider: "stripe" });
    const intentId = intentOfSession(cart).id;
    const card = await createGiftCard(50_000);
    const covered = await applyCards(created.id, [card]);
    assert.equal(covered.total, 0);
    assert.deepEqual(covered.payment_sessions, []);
    assert.equal((await retrieveIntent(intentId)).status, "canceled", "no money is held for a cart that costs nothing");
    expectOk(await removeCard(created.id, card), "remove card");
    const again = await readyToPay(created.id, { provider: "stripe" });
    assert.equal(intentOfSession(again).amount, 2400 + 495);
  });
});
