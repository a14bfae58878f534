// The rules the server keeps while a shopper shapes a cart.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, test } from "node:test";
import { ADDRESS_DE, api, createCart, EUROPE, expectOk, readyCart, UNITED_STATES, VARIANTS } from "../support/store-api";
import { disconnectDb, setStock } from "../support/test-db";

after(disconnectDb);

describe("line items", () => {
  test("adding a variant already in the cart adds to its line; quantity 0 removes it", async () => {
    const cart = await createCart([{ variant_id: VARIANTS.mugSand, quantity: 1 }]);
    let answer = expectOk(await api("POST", `/store/carts/${cart.id}/line-items`, { body: { variant_id: VARIANTS.mugSand, quantity: 2 } }), "add");
    assert.equal(answer.cart.items.length, 1);
    assert.equal(answer.cart.items[0].quantity, 3);
    assert.equal(answer.cart.items[0].original_total, 3 * 1600, "the price shown (VAT included)");
    assert.equal(answer.cart.items[0].title, "Ceramic Mug");
    assert.equal(answer.cart.items[0].description, "Sand");
    answer = expectOk(await api("POST", `/store/carts/${cart.id}/line-items/${answer.cart.items[0].id}`, { body: { quantity: 0 } }), "zero");
    assert.equal(answer.cart.items.length, 0);
    assert.equal(answer.cart.total, 0);
  });

  test("backorderable and unmanaged variants can be bought beyond stock", async () => {
    const cart = await createCart([
      { variant_id: VARIANTS.notebookBackorder, quantity: 5 },
      { variant_id: VARIANTS.bottleUnmanaged, quantity: 50 },
    ]);
    assert.equal(cart.items.length, 2);
  });

  test("a change to the items drops the chosen shipping method and the payment follows the total", async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    assert.equal(cart.shipping_methods.length, 1);
    assert.equal(cart.payment_session.amount, cart.total);
    const { cart: changed } = expectOk(
      await api("POST", `/store/carts/${cart.id}/line-items/${cart.items[0].id}`, { body: { quantity: 2 } }),
      "raise quantity",
    );
    assert.equal(changed.shipping_methods.length, 0, "the shopper picks shipping again");
    assert.equal(changed.payment_session.amount, changed.total);
    assert.equal(changed.total, 2 * 1900, "Europe's prices include VAT");
  });
});

describe("shipping options", () => {
  test("free standard shipping is offered from the threshold on, paid standard below it", async () => {
    const cart = await createCart([{ variant_id: VARIANTS.tote, quantity: 2 }]); // €38
    let names = expectOk(await api("GET", `/store/shipping-options/${cart.id}`), "below").shipping_options.map((option: any) => option.name);
    assert.deepEqual(names, ["Standard Shipping", "Express Shipping"]);
    await api("POST", `/store/carts/${cart.id}/line-items`, { body: { variant_id: VARIANTS.mugSand, quantity: 1 } }); // €54
    names = expectOk(await api("GET", `/store/shipping-options/${cart.id}`), "above").shipping_options.map((option: any) => option.name);
    assert.deepEqual(names, ["Free Standard Shipping", "Express Shipping"]);
  });

  test("listing by region shows requirements and leaves out return options unless asked", async () => {
    const { shipping_options } = expectOk(await api("GET", `/store/shipping-options?region_id=${EUROPE}&is_return=false`), "list");
    assert.ok(shipping_options.every((option: any) => option.region_id === EUROPE && !option.is_return));
    const free = shipping_options.find((option: any) => option.id === "so_eu_freestandard");
    assert.deepEqual(free.requirements.map((requirement: any) => [requirement.type, requirement.amount]), [["min_subtotal", 5000]]);
    const returns = expectOk(await api("GET", `/store/shipping-options?region_id=${EUROPE}&is_return=true`), "returns").shipping_options;
    assert.deepEqual(returns.map((option: any) => option.id), ["so_eu_return"]);
  });
});

describe("regions and discounts", () => {
  test("moving a cart to another region reprices it in that currency and drops shipping and payment", async () => {
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    const { cart: moved } = expectOk(await api("POST", `/store/carts/${cart.id}`, { body: { region_id: UNITED_STATES } }), "move");
    assert.equal(moved.region.currency_code, "usd");
    assert.equal(moved.items[0].unit_price, 2200);
    assert.equal(moved.shipping_methods.length, 0);
    assert.equal(moved.payment_sessions.length, 0);
    assert.equal(moved.shipping_address.country_code, "us", "the only country of the new region");
    assert.equal(moved.tax_total, 0, "no US state known yet: the region default (0) applies");
    assert.equal(moved.tax_origin, "region_default");
  });

  test("a discount code lowers the total and is refused outside its region", async () => {
    const cart = await createCart([{ variant_id: VARIANTS.tote, quantity: 2 }]);
    const { cart: discounted } = expectOk(await api("POST", `/store/carts/${cart.id}`, { body: { discounts: [{ code: "welcome10" }] } }), "apply");
    // Prices include VAT (19 % before an address is known): 10 % off €38.00 is paid €34.20.
    assert.equal(discounted.summary.discount, 380);
    assert.equal(discounted.total, 3800 - 380);
    assert.equal(discounted.tax_total, 546); // 3420 × 19/119
    assert.equal(discounted.subtotal - discounted.discount_total + discounted.tax_total, discounted.total);
    const us = await createCart([{ variant_id: VARIANTS.tote, quantity: 1 }], UNITED_STATES);
    const refused = await api("POST", `/store/carts/${us.id}`, { body: { discounts: [{ code: "EURO5" }] } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, "discount_not_in_region");
  });

  test("a cart can start from a country and prices products for its region", async () => {
    const cart = expectOk(await api("POST", "/store/carts", { body: { country_code: "US" } }), "by country").cart;
    assert.equal(cart.region_id, UNITED_STATES);
    const { product } = expectOk(await api("GET", `/store/products/canvas-tote?cart_id=${cart.id}`), "product");
    assert.equal(product.variants[0].calculated_price, 2200);
  });
});

describe("payment sessions", () => {
  test("createPaymentSessions needs items; refresh replaces the session; delete removes it", async () => {
    const empty = await createCart();
    const refused = await api("POST", `/store/carts/${empty.id}/payment-sessions`);
    assert.equal(refused.status, 400);
    const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 1 }] });
    const { cart: refreshed } = expectOk(await api("POST", `/store/carts/${cart.id}/payment-sessions/manual/refresh`), "refresh");
    assert.notEqual(refreshed.payment_session.id, cart.payment_session.id);
    assert.equal(refreshed.payment_session.is_selected, true);
    const { cart: updated } = expectOk(
      await api("POST", `/store/carts/${cart.id}/payment-sessions/manual`, { body: { data: { note: "leave at door", amount: 1 } } }),
      "update data",
    );
    assert.equal(updated.payment_session.data.note, "leave at door");
    assert.equal(updated.payment_session.data.amount, updated.total, "the shopper cannot set the amount");
    const { cart: deleted } = expectOk(await api("DELETE", `/store/carts/${cart.id}/payment-sessions/manual`), "delete");
    assert.equal(deleted.payment_session, null);
  });
});

describe("idempotency keys", () => {
  test("a retried request with the same key is answered from the first, not run again", async () => {
    const cart = await createCart();
    const key = randomUUID();
    const request = { body: { variant_id: VARIANTS.mugSand, quantity: 1 }, headers: { "idempotency-key": key } };
    const first = await api("POST", `/store/carts/${cart.id}/line-items`, request);
    const retry = await api("POST", `/store/carts/${cart.id}/line-items`, request);
    assert.equal(retry.status, 200);
    assert.equal(retry.headers.get("idempotent-replayed"), "true");
    assert.deepEqual(retry.body, first.body);
    assert.equal((await api("GET", `/store/carts/${cart.id}`)).body.cart.items[0].quantity, 1, "added once");
  });

  test("a key is scoped to its cart and route, and to its request body", async () => {
    const key = randomUUID();
    const one = await createCart();
    const two = await createCart();
    const headers = { "idempotency-key": key };
    await api("POST", `/store/carts/${one.id}/line-items`, { body: { variant_id: VARIANTS.mugSand, quantity: 1 }, headers });
    const otherCart = await api("POST", `/store/carts/${two.id}/line-items`, { body: { variant_id: VARIANTS.mugSand, quantity: 1 }, headers });
    assert.equal(otherCart.status, 200);
    assert.equal(otherCart.headers.get("idempotent-replayed"), null, "not replayed on another cart");
    assert.equal(otherCart.body.cart.id, two.id);
    const otherBody = await api("POST", `/store/carts/${one.id}/line-items`, { body: { variant_id: VARIANTS.tote, quantity: 1 }, headers });
    assert.equal(otherBody.status, 400);
    assert.equal(otherBody.body.code, "idempotency_key_reused");
  });

  test("a stored error is replayed too, so a retry cannot turn a refusal into a success", async () => {
    await setStock(VARIANTS.beanie, 1);
    const cart = await createCart();
    const request = { body: { variant_id: VARIANTS.beanie, quantity: 2 }, headers: { "idempotency-key": randomUUID() } };
    const first = await api("POST", `/store/carts/${cart.id}/line-items`, request);
    assert.equal(first.status, 400);
    await setStock(VARIANTS.beanie, 5);
    const retry = await api("POST", `/store/carts/${cart.id}/line-items`, request);
    assert.equal(retry.status, 400);
    assert.equal(retry.headers.get("idempotent-replayed"), "true");
    await setStock(VARIANTS.beanie, 3);
  });
});

describe("catalogue", () => {
  test("products list with prices for a region, page by page, and by handle", async () => {
    const page = expectOk(await api("GET", `/store/products?region_id=${EUROPE}&limit=4&offset=0`), "page");
    assert.equal(page.products.length, 4);
    assert.ok(page.count >= 8);
    const next = expectOk(await api("GET", `/store/products?region_id=${EUROPE}&limit=4&offset=4`), "next page");
    assert.equal(new Set([...page.products, ...next.products].map((product: any) => product.id)).size, 8);
    const { product } = expectOk(await api("GET", "/store/products/organic-cotton-tee?currency_code=usd"), "by handle");
    assert.equal(product.variants.length, 8);
    assert.equal(product.variants[0].calculated_price, 2900);
    assert.ok(product.thumbnail.startsWith("/images/"));
  });

  test("regions list their countries, currency, tax rate and providers", async () => {
    const { region } = expectOk(await api("GET", `/store/regions/${EUROPE}`), "region");
    assert.equal(region.currency_code, "eur");
    assert.equal(region.tax_rate, 19);
    assert.equal(region.includes_tax, true);
    assert.equal(region.tax_rates.find((rate: any) => rate.country_code === "se").rate, 25);
    assert.ok(region.countries.some((country: any) => country.iso_2 === "de"));
    assert.ok(region.payment_providers.some((provider: any) => provider.id === "manual"));
    assert.equal(region.payment_providers.some((provider: any) => provider.id === "stripe"), Boolean(process.env.STRIPE_SECRET_KEY));
  });
});

void ADDRESS_DE;
