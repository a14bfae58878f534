// The seed guide's checkout, call by call, through the published @medusajs/medusa-js client.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import Medusa from "@medusajs/medusa-js";
import { ADDRESS_DE, api, EUROPE, STORE_URLS, VARIANTS } from "../support/store-api";

const medusa = new Medusa({ baseUrl: `${STORE_URLS[0]}/api`, maxRetries: 3 });

describe("the seed guide's checkout through medusa-js (manual provider)", () => {
  test("ends in an order whose totals equal the cart's", async () => {
    const { regions } = await medusa.regions.list();
    const europe = regions.find((region) => region.id === EUROPE)!;
    assert.equal(europe.currency_code, "eur");
    assert.ok(europe.payment_providers.some((provider) => provider.id === "manual"));

    const { products } = await medusa.products.list({ region_id: europe.id });
    const tee = products.find((product) => product.handle === "organic-cotton-tee")!;
    const variant = tee.variants.find((candidate) => candidate.id === VARIANTS.teeSmallWhite)!;
    const variantId = variant.id!;
    assert.equal((variant as unknown as { calculated_price: number }).calculated_price, 2500);

    let { cart } = await medusa.carts.create({ region_id: europe.id });
    ({ cart } = await medusa.carts.lineItems.create(cart.id, { variant_id: variantId, quantity: 1 }));

    // Initializing the checkout
    ({ cart } = await medusa.carts.createPaymentSessions(cart.id));
    assert.ok(cart.payment_sessions.length >= 1);

    // Adding customer information
    ({ cart } = await medusa.carts.update(cart.id, { email: "lebron@james.com", shipping_address: ADDRESS_DE }));
    assert.equal(cart.email, "lebron@james.com");
    assert.equal(cart.shipping_address?.city, "Berlin");

    // Selecting payment provider
    ({ cart } = await medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" }));
    assert.equal(cart.payment_session?.provider_id, "manual");

    // Choosing a shipping method: one item of €25 is below the free-shipping threshold
    const { shipping_options } = await medusa.shippingOptions.listCartOptions(cart.id);
    const names = shipping_options.map((option) => option.name);
    assert.deepEqual(names, ["Standard Shipping", "Express Shipping"]);
    ({ cart } = await medusa.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id! }));
    // Europe's prices include VAT: the €25.00 tee and €4.95 shipping are what is paid; the German
    // 19 % is inside them (Medusa v1 fields: subtotal and shipping_total are without the tax).
    assert.equal(cart.total, 2500 + 495);
    assert.equal(cart.tax_total, 399 + 79); // 2500 × 19/119, 495 × 19/119
    assert.equal(cart.subtotal, 2500 - 399);
    assert.equal(cart.shipping_total, 495 - 79);
    assert.equal(cart.items[0].tax_lines[0].rate, 19);
    assert.equal(cart.payment_session?.amount, cart.total, "the payment follows the cart total");

    // Completing the cart
    const completed = await medusa.carts.complete(cart.id);
    assert.equal(completed.type, "order");
    const order = completed.data as unknown as Record<string, any>;
    for (const field of ["subtotal", "shipping_total", "tax_total", "discount_total", "gift_card_total", "total"]) {
      assert.equal(order[field], (cart as unknown as Record<string, number>)[field], `order ${field} equals the cart's`);
    }
    assert.equal(order.currency_code, "eur");
    assert.equal(order.email, "lebron@james.com");
    assert.ok(Number.isInteger(order.display_id) && order.display_id > 0);
    assert.equal(order.items.length, 1);
    assert.equal(order.items[0].variant_id, variantId);
    assert.equal(order.items[0].unit_price, 2500);
    assert.equal(order.payments[0].amount, cart.total);
    assert.equal(order.payments[0].provider_id, "manual");

    const { order: byId } = await medusa.orders.retrieve(order.id);
    assert.equal(byId.total, order.total);
    const { order: byCart } = await medusa.orders.retrieveByCartId(cart.id);
    assert.equal(byCart.id, order.id);

    // Completing again (a retry, another tab) answers with the same order.
    const again = await medusa.carts.complete(cart.id);
    assert.equal(again.type, "order");
    assert.equal((again.data as unknown as { id: string }).id, order.id);
  });

  test("the store answers credentialed cross-origin calls from localhost, and a preflight", async () => {
    const origin = "http://localhost:8000";
    const preflight = await api("OPTIONS", "/store/carts", {
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,idempotency-key" },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get("access-control-allow-origin"), origin);
    assert.equal(preflight.headers.get("access-control-allow-credentials"), "true");
    assert.match(preflight.headers.get("access-control-allow-headers") ?? "", /idempotency-key/);

    const regions = await api("GET", "/store/regions", { headers: { origin } });
    assert.equal(regions.headers.get("access-control-allow-origin"), origin);
    const foreign = await api("GET", "/store/regions", { headers: { origin: "https://evil.example" } });
    assert.equal(foreign.headers.get("access-control-allow-origin"), null);
  });

  test("health says the store can serve", async () => {
    const response = await fetch(`${STORE_URLS[0]}/api/health`);
    assert.equal(response.status, 200);
    assert.equal((await response.json()).ok, true);
  });

  test("liveness answers on every instance without touching the database", async () => {
    for (const url of STORE_URLS) {
      const response = await fetch(`${url}/api/health/live`);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("cache-control"), "no-store");
      assert.deepEqual(await response.json(), { ok: true });
    }
  });
});
