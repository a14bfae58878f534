// Tax as shoppers and tax law expect it: Europe's prices include the VAT of the country the order
// ships to (the price stays, the tax share inside it follows the address); US prices get the
// state's sales tax added, shipping included where the state taxes it. Through medusa-js.
import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { ADDRESS_DE, api, createCart, EUROPE, expectOk, UNITED_STATES, VARIANTS } from "../support/store-api";
import { medusaClient, refusal } from "../support/medusa";
import { disconnectDb } from "../support/test-db";

after(disconnectDb);

const medusa = medusaClient();
type Cart = Record<string, any>;

const ADDRESS_NY = { first_name: "Ada", last_name: "Lovelace", address_1: "350 5th Ave", city: "New York", postal_code: "10118", country_code: "us", province: "NY" };
const ADDRESS_SE = { ...ADDRESS_DE, city: "Stockholm", postal_code: "111 22", country_code: "se" };

async function withShipping(cartId: string, optionName: string): Promise<Cart> {
  const { shipping_options } = await medusa.shippingOptions.listCartOptions(cartId);
  const option = shipping_options.find((candidate) => candidate.name === optionName)!;
  return (await medusa.carts.addShippingMethod(cartId, { option_id: option.id! })).cart as unknown as Cart;
}

describe("Europe: prices include the VAT of the country the order ships to", () => {
  test("before an address the region default is used and the cart says so; a country changes the tax share, never the price", async () => {
    const created = await createCart([{ variant_id: VARIANTS.bottleUnmanaged, quantity: 2 }], EUROPE); // 2 × €24.00
    assert.equal(created.tax_origin, "region_default");
    assert.equal(created.total, 4800);
    assert.equal(created.tax_total, 766); // 4800 × 19/119
    assert.equal(created.items[0].includes_tax, true);

    let cart = (await medusa.carts.update(created.id, { shipping_address: ADDRESS_SE })).cart as unknown as Cart;
    assert.equal(cart.tax_origin, "shipping_address");
    assert.equal(cart.total, 4800, "the Swedish shopper pays the price shown");
    assert.equal(cart.tax_total, 960, "25 % VAT inside: 4800 × 25/125");
    assert.deepEqual(cart.items[0].tax_lines.map((line: any) => [line.rate, line.name, line.code]), [[25, "VAT", "SE"]]);
    assert.deepEqual(cart.tax_breakdown, [{ name: "VAT", code: "SE", rate: 25, amount: 960 }]);

    cart = (await medusa.carts.update(created.id, { shipping_address: { country_code: "de" } })).cart as unknown as Cart;
    assert.equal(cart.total, 4800);
    assert.equal(cart.tax_total, 766);
    assert.equal(cart.items[0].subtotal, 4800 - 766, "Medusa v1: an inclusive line's subtotal is without its tax");
    assert.equal(cart.items[0].original_total, 4800);
  });

  test("shipping carries the same VAT, and the order keeps the tax lines it was sold with", async () => {
    const created = await createCart([{ variant_id: VARIANTS.bottleUnmanaged, quantity: 1 }], EUROPE);
    await medusa.carts.update(created.id, { email: "vat@example.com", shipping_address: { ...ADDRESS_DE, country_code: "it" } });
    let cart = await withShipping(created.id, "Standard Shipping");
    assert.equal(cart.total, 2400 + 495);
    assert.equal(cart.shipping_methods[0].tax_lines[0].rate, 22);
    assert.equal(cart.shipping_methods[0].tax_total, 89); // 495 × 22/122
    assert.equal(cart.tax_total, 433 + 89); // 2400 × 22/122 = 432.79
    cart = (await medusa.carts.createPaymentSessions(created.id)).cart as unknown as Cart;
    cart = (await medusa.carts.setPaymentSession(created.id, { provider_id: "manual" })).cart as unknown as Cart;
    const completed = await medusa.carts.complete(created.id);
    assert.equal(completed.type, "order");
    const order = completed.data as unknown as Cart;
    for (const field of ["subtotal", "shipping_total", "tax_total", "discount_total", "total", "item_tax_total", "shipping_tax_total"]) {
      assert.equal(order[field], cart[field], `order ${field} equals the cart's`);
    }
    assert.equal(order.items[0].tax_lines[0].rate, 22);
    assert.equal(order.shipping_methods[0].tax_lines[0].code, "IT");
    assert.deepEqual(order.tax_breakdown, cart.tax_breakdown);
  });
});

describe("United States: sales tax of the state, added on top", () => {
  test("New York taxes items and shipping at 4 %; California items at 7.25 % and not shipping; Oregon nothing", async () => {
    const created = await createCart([{ variant_id: VARIANTS.bottleUnmanaged, quantity: 1 }], UNITED_STATES); // $27.00
    assert.equal(created.tax_total, 0, "no state known yet");
    assert.equal(created.tax_origin, "region_default");
    assert.equal(created.items[0].includes_tax, false);

    await medusa.carts.update(created.id, { shipping_address: ADDRESS_NY });
    let cart = await withShipping(created.id, "Standard Shipping"); // $5.95
    assert.equal(cart.shipping_address.province, "NY");
    assert.equal(cart.items[0].tax_total, 108);
    assert.equal(cart.shipping_methods[0].tax_total, 24); // 23.8
    assert.equal(cart.total, 2700 + 595 + 132);
    assert.deepEqual(cart.tax_breakdown, [{ name: "Sales tax", code: "US-NY", rate: 4, amount: 132 }]);

    cart = (await medusa.carts.update(created.id, { shipping_address: { province: "california" } })).cart as unknown as Cart;
    assert.equal(cart.shipping_address.province, "CA", "stored as the state's code");
    assert.equal(cart.items[0].tax_total, 196); // 195.75
    assert.equal(cart.shipping_methods[0].tax_total, 0);
    assert.equal(cart.total, 2700 + 595 + 196);

    cart = (await medusa.carts.update(created.id, { shipping_address: { province: "OR" } })).cart as unknown as Cart;
    assert.equal(cart.tax_total, 0);
    assert.equal(cart.total, 2700 + 595);
  });

  test("a state not on the list is refused and changes nothing; an order needs the state", async () => {
    const created = await createCart([{ variant_id: VARIANTS.bottleUnmanaged, quantity: 1 }], UNITED_STATES);
    await medusa.carts.update(created.id, { email: "state@example.com", shipping_address: { ...ADDRESS_NY, province: undefined } });
    const refused = await refusal(medusa.carts.update(created.id, { shipping_address: { province: "Bavaria" } }));
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, "invalid_province");
    assert.match(refused.body.message, /Bavaria/);
    const unchanged = expectOk(await api("GET", `/store/carts/${created.id}`), "read").cart;
    assert.equal(unchanged.shipping_address.province, null);

    await withShipping(created.id, "Standard Shipping");
    await medusa.carts.createPaymentSessions(created.id);
    await medusa.carts.setPaymentSession(created.id, { provider_id: "manual" });
    const incomplete = await refusal(medusa.carts.complete(created.id));
    assert.equal(incomplete.status, 400);
    assert.equal(incomplete.body.code, "missing_province");
  });

  test("the region lists its rates: default, states, and California's shipping exemption", async () => {
    const { region } = await medusa.regions.retrieve(UNITED_STATES);
    const rates = (region as unknown as { tax_rates: any[]; includes_tax: boolean; tax_rate: number });
    assert.equal(rates.includes_tax, false);
    assert.equal(rates.tax_rate, 0);
    assert.ok(rates.tax_rates.some((rate) => rate.province_code === "NY" && rate.rate === 4));
    assert.ok(rates.tax_rates.some((rate) => rate.province_code === "CA" && rate.applies_to_shipping && rate.rate === 0));
  });
});
