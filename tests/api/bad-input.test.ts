// Every bad input answers with a clear 4xx {type, message, code?} and changes nothing.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { ADDRESS_DE, api, createCart, expectOk, readyCart, STORE_URLS, VARIANTS } from "../support/store-api";
import { disconnectDb, setStock } from "../support/test-db";

type Case = {
  name: string;
  request: (cartId: string, lineId: string) => { method: "GET" | "POST" | "DELETE"; path: string; body?: unknown; rawBody?: string };
  status: number;
  type: string;
  code?: string;
  message?: RegExp;
};

const cases: Case[] = [
  { name: "unknown cart id", request: () => ({ method: "GET", path: "/store/carts/cart_01JZZZZZZZZZZZZZZZZZZZZZZZ" }), status: 404, type: "not_found" },
  { name: "malformed cart id", request: () => ({ method: "POST", path: "/store/carts/not-a-cart'--/line-items", body: { variant_id: VARIANTS.tote, quantity: 1 } }), status: 404, type: "not_found" },
  { name: "unknown variant", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, body: { variant_id: "variant_nope", quantity: 1 } }), status: 404, type: "not_found" },
  { name: "variant id of the wrong type", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, body: { variant_id: 42, quantity: 1 } }), status: 400, type: "invalid_data", message: /variant_id/ },
  { name: "quantity zero on add", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, body: { variant_id: VARIANTS.tote, quantity: 0 } }), status: 400, type: "invalid_data", message: /quantity/ },
  { name: "negative quantity", request: (cart, line) => ({ method: "POST", path: `/store/carts/${cart}/line-items/${line}`, body: { quantity: -2 } }), status: 400, type: "invalid_data", message: /quantity/ },
  { name: "fractional quantity", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, body: { variant_id: VARIANTS.tote, quantity: 1.5 } }), status: 400, type: "invalid_data", message: /quantity/ },
  { name: "quantity as a string", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, body: { variant_id: VARIANTS.tote, quantity: "2" } }), status: 400, type: "invalid_data", message: /quantity/ },
  { name: "quantity beyond stock", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, body: { variant_id: VARIANTS.beanie, quantity: 4 } }), status: 400, type: "not_allowed", code: "insufficient_inventory" },
  { name: "raising a line beyond stock", request: (cart, line) => ({ method: "POST", path: `/store/carts/${cart}/line-items/${line}`, body: { quantity: 10_000 } }), status: 400, type: "not_allowed", code: "insufficient_inventory" },
  { name: "a sold-out variant", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, body: { variant_id: VARIANTS.sunglassesSoldOut, quantity: 1 } }), status: 400, type: "not_allowed", code: "insufficient_inventory" },
  { name: "unknown line item", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items/item_nope`, body: { quantity: 1 } }), status: 404, type: "not_found" },
  { name: "deleting an unknown line item", request: (cart) => ({ method: "DELETE", path: `/store/carts/${cart}/line-items/item_nope` }), status: 404, type: "not_found" },
  { name: "unknown field in an address", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { shipping_address: { ...ADDRESS_DE, favourite_color: "red" } } }), status: 400, type: "invalid_data", message: /favourite_color/ },
  { name: "unknown field in the cart update", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { email: "a@b.co", total: 1 } }), status: 400, type: "invalid_data", message: /total/ },
  { name: "shipping country outside the region", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { shipping_address: { ...ADDRESS_DE, country_code: "us" } } }), status: 400, type: "invalid_data", message: /Shipping country must be in the cart region/ },
  { name: "an invalid email", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { email: "not-an-email" } }), status: 400, type: "invalid_data", message: /email/ },
  { name: "an unknown region", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { region_id: "reg_atlantis" } }), status: 404, type: "not_found" },
  { name: "an unknown discount code", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { discounts: [{ code: "FREEMONEY" }] } }), status: 400, type: "not_allowed" },
  { name: "an unknown gift card", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { gift_cards: [{ code: "GIFT" }] } }), status: 400, type: "not_allowed", message: /gift card GIFT does not exist/ },
  { name: "a gift card of another region", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { gift_cards: [{ code: "gift-usd-25" }] } }), status: 400, type: "not_allowed", code: "gift_card_not_in_region" },
  { name: "an expired discount code", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { discounts: [{ code: "SUMMER24" }] } }), status: 400, type: "not_allowed", code: "discount_expired" },
  { name: "a US state that does not exist", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { billing_address: { country_code: "us", province: "XX" } } }), status: 400, type: "invalid_data", code: "invalid_province" },
  { name: "removing a discount the cart does not have", request: (cart) => ({ method: "DELETE", path: `/store/carts/${cart}/discounts/WELCOME10` }), status: 404, type: "not_found" },
  { name: "removing a gift card the cart does not have", request: (cart) => ({ method: "DELETE", path: `/store/carts/${cart}/gift-cards/GIFT-EUR-50` }), status: 404, type: "not_found" },
  { name: "a shipping option of another region", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/shipping-methods`, body: { option_id: "so_us_express" } }), status: 400, type: "not_allowed" },
  { name: "a shipping option whose requirement is not met", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/shipping-methods`, body: { option_id: "so_eu_freestandard" } }), status: 400, type: "not_allowed", message: /does not satisfy the shipping option's requirements/ },
  { name: "a return shipping option", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/shipping-methods`, body: { option_id: "so_eu_return" } }), status: 400, type: "not_allowed" },
  { name: "an unknown shipping option", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/shipping-methods`, body: { option_id: "so_nope" } }), status: 404, type: "not_found" },
  { name: "a payment provider the region does not offer", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/payment-session`, body: { provider_id: "paypal" } }), status: 400, type: "not_allowed" },
  { name: "completing without a selected payment session", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/complete` }), status: 400, type: "not_allowed", message: /payment session/ },
  { name: "malformed JSON", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, rawBody: '{"variant_id": "x", "quantity": ' }), status: 400, type: "invalid_data", message: /JSON/ },
  { name: "a body that is an array", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, rawBody: "[1,2]" }), status: 400, type: "invalid_data" },
  { name: "a body that is a string", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}/line-items`, rawBody: '"tote"' }), status: 400, type: "invalid_data" },
  { name: "addresses of the wrong type", request: (cart) => ({ method: "POST", path: `/store/carts/${cart}`, body: { shipping_address: "Berlin" } }), status: 400, type: "invalid_data" },
  { name: "an unknown Store API route", request: () => ({ method: "GET", path: "/store/carts-and-more" }), status: 404, type: "not_found" },
  { name: "a bad limit", request: () => ({ method: "GET", path: "/store/products?limit=-1" }), status: 400, type: "invalid_data" },
];

describe("bad input answers 4xx and changes nothing", () => {
  let cartId = "";
  let lineId = "";

  before(async () => {
    await setStock(VARIANTS.beanie, 3);
    // A cart ready to pay except for the payment choice: email, address, shipping, sessions.
    const cart = await createCart([{ variant_id: VARIANTS.teeSmallWhite, quantity: 1 }]);
    cartId = cart.id;
    lineId = cart.items[0].id;
    expectOk(await api("POST", `/store/carts/${cartId}`, { body: { email: "bad@input.test", shipping_address: ADDRESS_DE } }), "address");
    expectOk(await api("POST", `/store/carts/${cartId}/shipping-methods`, { body: { option_id: "so_eu_standard" } }), "shipping");
  });
  after(disconnectDb);

  for (const badCase of cases) {
    test(badCase.name, async () => {
      const before = await api("GET", `/store/carts/${cartId}`);
      const { method, path, body, rawBody } = badCase.request(cartId, lineId);
      const answer = await api(method, path, { body, rawBody });
      assert.equal(answer.status, badCase.status, JSON.stringify(answer.body));
      assert.equal(answer.body.type, badCase.type);
      assert.equal(typeof answer.body.message, "string");
      if (badCase.code) assert.equal(answer.body.code, badCase.code);
      if (badCase.message) assert.match(answer.body.message, badCase.message);
      const afterwards = await api("GET", `/store/carts/${cartId}`);
      assert.deepEqual(afterwards.body, before.body, "the cart is unchanged");
    });
  }

  test("a method the Store API does not use answers 405 JSON", async () => {
    const response = await fetch(`${STORE_URLS[0]}/api/store/carts/${cartId}`, { method: "PUT", body: "{}" });
    assert.equal(response.status, 405);
    assert.equal((await response.json()).code, "method_not_allowed");
  });

  test("any change to a completed cart is refused and changes nothing", async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    const completed = await api("POST", `/store/carts/${cart.id}/complete`);
    assert.equal(completed.body.type, "order");
    const before = await api("GET", `/store/carts/${cart.id}`);
    const attempts = [
      api("POST", `/store/carts/${cart.id}/line-items`, { body: { variant_id: VARIANTS.tote, quantity: 1 } }),
      api("POST", `/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { body: { quantity: 3 } }),
      api("DELETE", `/store/carts/${cart.id}/line-items/${cart.items[0].id}`),
      api("POST", `/store/carts/${cart.id}`, { body: { email: "changed@example.com" } }),
      api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: "so_eu_express" } }),
      api("POST", `/store/carts/${cart.id}/payment-sessions`),
      api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "manual" } }),
      api("POST", `/store/carts/${cart.id}/payment-sessions/manual/refresh`),
      api("DELETE", `/store/carts/${cart.id}/payment-sessions/manual`),
    ];
    for (const answer of await Promise.all(attempts)) {
      assert.equal(answer.status, 400, JSON.stringify(answer.body));
      assert.equal(answer.body.type, "not_allowed");
      assert.equal(answer.body.code, "cart_completed");
    }
    assert.deepEqual((await api("GET", `/store/carts/${cart.id}`)).body, before.body);
  });
});
