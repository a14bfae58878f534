// The merchant's catalogue and regions through medusa-js's admin client: products with options,
// variants, prices and stock; variant edits the Store API shows at once; delete (or unpublish a
// product that was ordered); regions and the payment providers each offers; every refusal changes
// nothing.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import Medusa from "@medusajs/medusa-js";
import { demoAdmin, placeOrder, refusal, storeBase } from "../support/admin-api";
import { medusaClient } from "../support/medusa";
import { api, createCart, expectOk, readyCart } from "../support/store-api";
import { completeCart } from "../support/stripe-test-kit";
import { disconnectDb } from "../support/test-db";

after(disconnectDb);

let admin: Medusa;
before(async () => {
  admin = await demoAdmin();
});

const unique = () => randomUUID().slice(0, 8);

/** A two-option product (Size × Colour) priced in EUR and USD, published unless told otherwise. */
function shirtInput(handle = `linen-shirt-${unique()}`, status = "published") {
  return {
    title: "Linen Shirt",
    handle,
    description: "A shirt of washed linen.",
    status,
    images: ["https://images.example.com/linen-shirt.jpg"],
    type: { value: "apparel" },
    options: [{ title: "Size" }, { title: "Colour" }],
    variants: [
      { title: "S / Sand", sku: `LS-S-${handle}`, inventory_quantity: 5, prices: [{ currency_code: "eur", amount: 4900 }, { currency_code: "usd", amount: 5400 }], options: [{ value: "S" }, { value: "Sand" }] },
      { title: "M / Sand", inventory_quantity: 3, manage_inventory: true, allow_backorder: false, prices: [{ currency_code: "EUR", amount: 4900 }], options: [{ value: "M" }, { value: "Sand" }] },
    ],
  };
}

async function createShirt(status = "published") {
  return (await admin.admin.products.create(shirtInput(undefined, status) as any)).product as any;
}

/** Everything the admin can see of the catalogue, to prove a refusal changed nothing. */
async function catalogueState() {
  const { products, count } = await admin.admin.products.list({ limit: 100 } as any);
  return { count, products: JSON.stringify(products.map((product: any) => ({ ...product, updated_at: undefined }))) };
}

const storeProduct = (idOrHandle: string, regionId = "reg_europe") => api("GET", `/store/products/${idOrHandle}?region_id=${regionId}`);

describe("admin products", () => {
  test("every catalogue and region route answers 401 without credentials", async () => {
    const anonymous = new Medusa({ baseUrl: storeBase(), maxRetries: 0 });
    const calls: [string, () => Promise<unknown>][] = [
      ["list products", () => anonymous.admin.products.list()],
      ["retrieve product", () => anonymous.admin.products.retrieve("prod_canvastote")],
      ["create product", () => anonymous.admin.products.create(shirtInput() as any)],
      ["update product", () => anonymous.admin.products.update("prod_canvastote", { title: "Hacked" } as any)],
      ["update variant", () => anonymous.admin.products.updateVariant("prod_canvastote", "variant_canvastoteonesize", { inventory_quantity: 0 } as any)],
      ["delete product", () => anonymous.admin.products.delete("prod_canvastote")],
      ["list regions", () => anonymous.admin.regions.list()],
      ["retrieve region", () => anonymous.admin.regions.retrieve("reg_europe")],
      ["create region", () => anonymous.admin.regions.create({ name: "X", currency_code: "eur", tax_rate: 0, countries: [], payment_providers: [], fulfillment_providers: [] })],
      ["update region", () => anonymous.admin.regions.update("reg_europe", { payment_providers: [] })],
      ["payment providers", () => anonymous.admin.store.listPaymentProviders()],
    ];
    for (const [what, call] of calls) {
      const answer = await refusal(call());
      assert.equal(answer.status, 401, what);
      assert.equal(answer.body.type, "unauthorized", what);
    }
    const tote = expectOk(await storeProduct("canvas-tote"), "tote");
    assert.equal(tote.product.title, "Canvas Tote", "nothing changed");
    assert.equal(tote.product.variants[0].inventory_quantity > 0, true);
  });

  test("create with options, variants, prices per currency, stock and an image; read it back; list with q and status", async () => {
    const input = shirtInput();
    const { product } = (await admin.admin.products.create(input as any)) as any;
    assert.match(product.id, /^prod_/);
    assert.equal(product.handle, input.handle);
    assert.equal(product.status, "published");
    assert.deepEqual(product.type?.value, "apparel");
    assert.deepEqual(product.images.map((image: any) => image.url), input.images);
    assert.equal(product.thumbnail, input.images[0], "the first image is the thumbnail");
    assert.deepEqual(product.options.map((option: any) => option.title), ["Size", "Colour"]);
    assert.equal(product.variants.length, 2);
    const [small, medium] = product.variants;
    assert.equal(small.title, "S / Sand");
    assert.equal(small.inventory_quantity, 5);
    assert.equal(small.manage_inventory, true);
    assert.equal(small.allow_backorder, false);
    assert.deepEqual(small.prices.map((price: any) => [price.currency_code, price.amount]).sort(), [["eur", 4900], ["usd", 5400]]);
    assert.deepEqual(medium.prices.map((price: any) => [price.currency_code, price.amount]), [["eur", 4900]], "currency codes are lower-cased");
    const valuesOf = (variant: any) => product.options.map((option: any) => variant.options.find((value: any) => value.option_id === option.id)?.value);
    assert.deepEqual(valuesOf(small), ["S", "Sand"]);
    assert.deepEqual(valuesOf(medium), ["M", "Sand"]);

    assert.equal((await admin.admin.products.retrieve(product.id)).product.id, product.id);
    const searched = await admin.admin.products.list({ q: input.handle.toUpperCase().slice(0, 20) } as any);
    assert.ok(searched.products.some((candidate: any) => candidate.id === product.id), "q finds it, whatever the case");
    assert.equal(typeof searched.count, "number");
    assert.equal(searched.offset, 0);
    const drafts = await admin.admin.products.list({ status: ["draft"], limit: 100 } as any);
    assert.ok(drafts.products.every((candidate: any) => candidate.status === "draft"));
    assert.ok(!drafts.products.some((candidate: any) => candidate.id === product.id));
    const paged = await admin.admin.products.list({ limit: 2, offset: 1 } as any);
    assert.equal(paged.products.length, 2);
    assert.equal(paged.limit, 2);
    assert.equal(paged.offset, 1);

    // The shopper sees it at once, priced in the region's currency.
    const seen = expectOk(await storeProduct(input.handle), "store product").product;
    assert.equal(seen.variants[0].calculated_price, 4900);
  });

  test("a product is created as a draft by default (as in Medusa) and the store shows it only once published", async () => {
    const input = shirtInput();
    const { status: _status, ...withoutStatus } = input;
    const { product } = (await admin.admin.products.create(withoutStatus as any)) as any;
    assert.equal(product.status, "draft");
    assert.equal((await storeProduct(input.handle)).status, 404);
    const listed = expectOk(await api("GET", "/store/products?limit=100"), "store list");
    assert.ok(!listed.products.some((candidate: any) => candidate.id === product.id));
    const cart = await createCart();
    const added = await api("POST", `/store/carts/${cart.id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 1 } });
    assert.equal(added.status, 400);
    assert.equal(added.body.code, "product_unavailable");

    await admin.admin.products.update(product.id, { status: "published" } as any);
    assert.equal((await storeProduct(input.handle)).status, 200);
  });

  test("bad input is a 400 (a duplicate handle or SKU a 422) and changes nothing", async () => {
    const existing = await createShirt();
    const before = await catalogueState();
    const base = shirtInput();
    const variant = base.variants[0];
    const bad: [string, unknown, number, string?][] = [
      ["no title", { ...base, title: undefined }, 400],
      ["empty title", { ...base, title: "  " }, 400],
      ["negative price", { ...base, variants: [{ ...variant, prices: [{ currency_code: "eur", amount: -1 }] }] }, 400],
      ["fractional price", { ...base, variants: [{ ...variant, prices: [{ currency_code: "eur", amount: 12.5 }] }] }, 400],
      ["price as text", { ...base, variants: [{ ...variant, prices: [{ currency_code: "eur", amount: "10" }] }] }, 400],
      ["unknown currency", { ...base, variants: [{ ...variant, prices: [{ currency_code: "xyz", amount: 100 }] }] }, 400, "unknown_currency"],
      ["two prices in one currency", { ...base, variants: [{ ...variant, prices: [{ currency_code: "eur", amount: 100 }, { currency_code: "EUR", amount: 200 }] }] }, 400, "duplicate_price"],
      ["price in an unknown region", { ...base, variants: [{ ...variant, prices: [{ region_id: "reg_nowhere", amount: 100 }] }] }, 400, "unknown_region"],
      ["negative stock", { ...base, variants: [{ ...variant, inventory_quantity: -3 }] }, 400],
      ["too few option values", { ...base, variants: [{ ...variant, options: [{ value: "S" }] }] }, 400, "variant_options_mismatch"],
      ["two variants with the same values", { ...base, variants: [variant, { ...variant, sku: undefined, title: "Again" }] }, 400, "duplicate_variant_options"],
      ["the same option twice", { ...base, options: [{ title: "Size" }, { title: "size" }] }, 400, "duplicate_option"],
      ["no variants", { ...base, variants: [] }, 400],
      ["a bad handle", { ...base, handle: "Linen Shirt!" }, 400],
      ["a bad image URL", { ...base, images: ["javascript:alert(1)"] }, 400],
      ["an unknown status", { ...base, status: "live" }, 400],
      ["a field this store does not keep", { ...base, collection_id: "pcol_1" }, 400],
      ["a gift card", { ...base, is_giftcard: true }, 400],
      ["a duplicate handle", { ...base, handle: existing.handle }, 422, "duplicate_handle"],
      ["a duplicate SKU", { ...base, variants: [{ ...variant, sku: existing.variants[0].sku }] }, 422, "duplicate_sku"],
    ];
    for (const [what, body, status, code] of bad) {
      const answer = await refusal(admin.admin.products.create(body as any));
      assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.body)}`);
      assert.ok(answer.body.message, what);
      if (code) assert.equal(answer.body.code, code, what);
    }
    const updates: [string, unknown, number, string?][] = [
      ["a handle taken", { handle: "canvas-tote" }, 422, "duplicate_handle"],
      ["an empty title", { title: "" }, 400],
      ["a variant of another product", { variants: [{ id: "variant_canvastoteonesize" }] }, 400, "unknown_variant"],
      ["an unknown field", { tags: [{ value: "x" }] }, 400],
    ];
    for (const [what, body, status, code] of updates) {
      const answer = await refusal(admin.admin.products.update(existing.id, body as any));
      assert.equal(answer.status, status, `${what}: ${JSON.stringify(answer.body)}`);
      if (code) assert.equal(answer.body.code, code, what);
    }
    assert.deepEqual(await catalogueState(), before, "nothing changed");
    assert.equal((await refusal(admin.admin.products.retrieve("prod_doesnotexist"))).status, 404);
    assert.equal((await refusal(admin.admin.products.update("prod_doesnotexist", { title: "X" } as any))).status, 404);
  });

  test("a variant's stock and prices change through updateVariant and the Store API shows them; bad edits change nothing", async () => {
    const product = await createShirt();
    const variantId = product.variants[0].id;
    const { product: updated } = (await admin.admin.products.updateVariant(product.id, variantId, {
      inventory_quantity: 42,
      allow_backorder: true,
      prices: [{ currency_code: "eur", amount: 3900 }],
    } as any)) as any;
    const variant = updated.variants.find((candidate: any) => candidate.id === variantId);
    assert.equal(variant.inventory_quantity, 42);
    assert.equal(variant.allow_backorder, true);
    assert.deepEqual(variant.prices.map((price: any) => [price.currency_code, price.amount]), [["eur", 3900]], "a currency left out loses its price, as in Medusa");

    // Both instances' Store API see it.
    for (const instance of [0, 1]) {
      const seen = expectOk(await api("GET", `/store/products/${product.handle}?region_id=reg_europe`, { instance }), "store").product;
      const shown = seen.variants.find((candidate: any) => candidate.id === variantId);
      assert.equal(shown.inventory_quantity, 42);
      assert.equal(shown.calculated_price, 3900);
    }
    const inUsd = expectOk(await storeProduct(product.handle, "reg_unitedstates"), "usd").product;
    assert.equal(inUsd.variants.find((candidate: any) => candidate.id === variantId).calculated_price, null);

    // A new line is priced at the new price.
    const cart = await createCart([{ variant_id: variantId, quantity: 1 }]);
    assert.equal(cart.items[0].unit_price, 3900);

    const before = await catalogueState();
    for (const [what, body] of [
      ["negative stock", { inventory_quantity: -1 }],
      ["fractional stock", { inventory_quantity: 1.5 }],
      ["negative price", { prices: [{ currency_code: "eur", amount: -100 }] }],
      ["unknown currency", { prices: [{ currency_code: "zzz", amount: 100 }] }],
      ["an option of another product", { options: [{ option_id: "opt_nope", value: "XL" }] }],
      ["the values of its sibling", { options: [{ option_id: product.options[0].id, value: "M" }] }],
      ["an unknown field", { ean: "123" }],
    ] as const) {
      const answer = await refusal(admin.admin.products.updateVariant(product.id, variantId, body as any));
      assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.body)}`);
    }
    assert.equal((await refusal(admin.admin.products.updateVariant(product.id, "variant_canvastoteonesize", { inventory_quantity: 1 } as any))).status, 404, "a variant of another product");
    assert.deepEqual(await catalogueState(), before, "nothing changed");
  });

  test("a product update changes its fields and its variants list (new variants created, variants left out deleted)", async () => {
    const product = await createShirt();
    const [small, medium] = product.variants;
    const handle = `renamed-${unique()}`;
    const { product: updated } = (await admin.admin.products.update(product.id, {
      title: "Washed Linen Shirt",
      handle,
      images: ["/images/products/canvas-tote.svg"],
      variants: [
        { id: small.id, inventory_quantity: 9 },
        { title: "L / Sand", inventory_quantity: 1, prices: [{ currency_code: "eur", amount: 5100 }], options: [{ option_id: product.options[0].id, value: "L" }, { option_id: product.options[1].id, value: "Sand" }] },
      ],
    } as any)) as any;
    assert.equal(updated.title, "Washed Linen Shirt");
    assert.equal(updated.handle, handle);
    assert.equal(updated.thumbnail, "/images/products/canvas-tote.svg");
    assert.deepEqual(updated.variants.map((variant: any) => variant.title), ["S / Sand", "L / Sand"]);
    assert.equal(updated.variants[0].inventory_quantity, 9);
    assert.ok(!updated.variants.some((variant: any) => variant.id === medium.id), "M was left out and deleted");
    assert.equal((await storeProduct(product.handle)).status, 404, "the old handle is gone");
    assert.equal(expectOk(await storeProduct(handle), "new handle").product.variants.length, 2);
  });

  test("deleting a product nobody ordered deletes it (Medusa's answer); open carts lose its line", async () => {
    const product = await createShirt();
    const cart = await createCart([{ variant_id: product.variants[0].id, quantity: 1 }, { variant_id: "variant_canvastoteonesize", quantity: 1 }]);
    const answer = (await admin.admin.products.delete(product.id)) as any;
    assert.deepEqual({ id: answer.id, object: answer.object, deleted: answer.deleted }, { id: product.id, object: "product", deleted: true });
    assert.equal((await refusal(admin.admin.products.retrieve(product.id))).status, 404);
    assert.equal((await storeProduct(product.handle)).status, 404);
    const after = expectOk(await api("GET", `/store/carts/${cart.id}`), "cart").cart;
    assert.deepEqual(after.items.map((item: any) => item.variant_id), ["variant_canvastoteonesize"], "the cart keeps what is still sold");
    assert.equal((await refusal(admin.admin.products.delete(product.id))).status, 404, "deleting twice");
  });

  test("deleting a product with orders unpublishes it instead, says so, and its orders stay whole", async () => {
    const product = await createShirt();
    const order = await placeOrder([{ variant_id: product.variants[0].id, quantity: 1 }]);
    const answer = (await admin.admin.products.delete(product.id)) as any;
    assert.equal(answer.id, product.id);
    assert.equal(answer.object, "product");
    assert.equal(answer.deleted, false);
    assert.equal(answer.unpublished, true);
    assert.match(answer.message, /has orders.*unpublished/);
    assert.equal(answer.product.status, "draft");
    assert.equal((await admin.admin.products.retrieve(product.id)).product.status, "draft");
    assert.equal((await storeProduct(product.handle)).status, 404, "gone from the store");
    const { order: kept } = await admin.admin.orders.retrieve(order.id);
    assert.equal(kept.items[0].variant_id, product.variants[0].id);
  });

  test("a cart holding a product that is unpublished cannot complete with it, and says why", async () => {
    const product = await createShirt();
    const cart = await readyCart({ items: [{ variant_id: product.variants[0].id, quantity: 1 }, { variant_id: "variant_canvastoteonesize", quantity: 1 }] });
    await admin.admin.products.update(product.id, { status: "draft" } as any);
    const refused = await completeCart(cart.id);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, "product_unavailable");
    assert.match(refused.body.message, /Linen Shirt.*no longer for sale/);
    const more = await api("POST", `/store/carts/${cart.id}/line-items`, { body: { variant_id: product.variants[0].id, quantity: 1 } });
    assert.equal(more.status, 400);
    assert.equal(more.body.code, "product_unavailable");

    // Removing the line lets the shopper finish.
    const line = refused.body && expectOk(await api("GET", `/store/carts/${cart.id}`), "cart").cart.items.find((item: any) => item.variant_id === product.variants[0].id);
    expectOk(await api("DELETE", `/store/carts/${cart.id}/line-items/${line.id}`), "remove line");
    const { shipping_options } = expectOk(await api("GET", `/store/shipping-options/${cart.id}`), "options");
    expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: shipping_options[0].id } }), "shipping");
    const done = await completeCart(cart.id);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.type, "order");
  });
});

describe("admin regions and payment providers", () => {
  test("the demo regions offer manual; the installed providers are listed with manual marked as a test", async () => {
    const { regions, count } = await admin.admin.regions.list();
    assert.ok(count >= 2);
    const europe = regions.find((region: any) => region.id === "reg_europe")!;
    assert.ok(europe.payment_providers.some((provider: any) => provider.id === "manual"));
    const { payment_providers } = (await admin.admin.store.listPaymentProviders()) as any;
    assert.deepEqual(payment_providers.find((provider: any) => provider.id === "manual"), { id: "manual", is_installed: true, is_test: true });
    assert.equal((await admin.admin.regions.retrieve("reg_europe")).region.currency_code, "eur");
  });

  test("a region the merchant creates does not offer manual unless told to; the store and cart sessions follow the region", async () => {
    const { payment_providers: installed } = (await admin.admin.store.listPaymentProviders()) as any;
    const real = installed.filter((provider: any) => !provider.is_test).map((provider: any) => provider.id);
    const { region } = (await admin.admin.regions.create({ name: `Ireland ${unique()}`, currency_code: "eur", tax_rate: 23, countries: ["IE"] } as any)) as any;
    assert.match(region.id, /^reg_/);
    assert.equal(region.tax_rate, 23);
    assert.deepEqual(region.countries.map((country: any) => [country.iso_2, country.iso_3, country.display_name]), [["ie", "irl", "Ireland"]]);
    assert.deepEqual(region.payment_providers.map((provider: any) => provider.id), real, "the real providers, never manual");
    assert.deepEqual(region.fulfillment_providers.map((provider: any) => provider.id), ["manual"]);

    const seen = (await medusaClient().regions.retrieve(region.id)).region as any;
    assert.ok(!seen.payment_providers.some((provider: any) => provider.id === "manual"), "the Store API's region does not offer manual");

    const product = await createShirt();
    const cart = await createCart([{ variant_id: product.variants[0].id, quantity: 1 }], region.id);
    const sessions = expectOk(await api("POST", `/store/carts/${cart.id}/payment-sessions`), "sessions").cart.payment_sessions;
    assert.deepEqual(sessions.map((session: any) => session.provider_id), real);
    const manual = await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "manual" } });
    assert.equal(manual.status, 400);
    assert.equal(manual.body.code, "provider_not_in_region");

    // The merchant turns the test provider on, then off again.
    const withManual = (await admin.admin.regions.update(region.id, { payment_providers: [...real, "manual"] })).region as any;
    assert.deepEqual(withManual.payment_providers.map((provider: any) => provider.id).sort(), [...real, "manual"].sort());
    const sessionsNow = expectOk(await api("POST", `/store/carts/${cart.id}/payment-sessions`), "sessions").cart.payment_sessions;
    assert.ok(sessionsNow.some((session: any) => session.provider_id === "manual"));
    await admin.admin.regions.update(region.id, { payment_providers: real });
    const sessionsAfter = expectOk(await api("POST", `/store/carts/${cart.id}/payment-sessions`), "sessions").cart.payment_sessions;
    assert.deepEqual(sessionsAfter.map((session: any) => session.provider_id), real);
  });

  test("explicitly named, manual is offered; a selected provider the region stops offering cannot complete the cart", async () => {
    const { region } = (await admin.admin.regions.create({
      name: `Portugal ${unique()}`, currency_code: "eur", tax_rate: 23, countries: ["pt"], payment_providers: ["manual"], fulfillment_providers: ["manual"],
    })) as any;
    assert.deepEqual(region.payment_providers.map((provider: any) => provider.id), ["manual"]);

    const europe = (await admin.admin.regions.retrieve("reg_europe")).region as any;
    const offered = europe.payment_providers.map((provider: any) => provider.id);
    const cart = await readyCart({ items: [{ variant_id: "variant_canvastoteonesize", quantity: 1 }], provider: "manual" });
    try {
      await admin.admin.regions.update("reg_europe", { payment_providers: offered.filter((id: string) => id !== "manual") });
      const refused = await completeCart(cart.id);
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.equal(refused.body.code, "provider_not_in_region");
    } finally {
      await admin.admin.regions.update("reg_europe", { payment_providers: offered });
    }
    const done = await completeCart(cart.id);
    assert.equal(done.body.type, "order", "offered again, the same cart completes");
  });

  test("medusa-js's addPaymentProvider / deletePaymentProvider turn one provider on and off", async () => {
    const { region } = (await admin.admin.regions.create({ name: `Finland ${unique()}`, currency_code: "eur", tax_rate: 25.5, countries: ["fi"], payment_providers: [], fulfillment_providers: ["manual"] })) as any;
    assert.equal(region.tax_rate, 25.5);
    const on = (await admin.admin.regions.addPaymentProvider(region.id, { provider_id: "manual" })).region as any;
    assert.deepEqual(on.payment_providers.map((provider: any) => provider.id), ["manual"]);
    assert.equal((await refusal(admin.admin.regions.addPaymentProvider(region.id, { provider_id: "paypal" }))).status, 400);
    const off = (await admin.admin.regions.deletePaymentProvider(region.id, "manual")).region as any;
    assert.deepEqual(off.payment_providers, []);
    assert.equal((await refusal(admin.admin.regions.deletePaymentProvider(region.id, "manual"))).status, 404);
  });

  test("countries move between regions only as Medusa allows; bad region input is refused and changes nothing", async () => {
    const a = ((await admin.admin.regions.create({ name: `Austria ${unique()}`, currency_code: "eur", tax_rate: 20, countries: ["at"], payment_providers: [], fulfillment_providers: ["manual"] })) as any).region;
    const b = ((await admin.admin.regions.create({ name: `Belgium ${unique()}`, currency_code: "eur", tax_rate: 21, countries: ["be"], payment_providers: [], fulfillment_providers: ["manual"] })) as any).region;
    const before = JSON.stringify((await admin.admin.regions.list({ limit: 100 } as any)).regions);

    const taken = await refusal(admin.admin.regions.update(b.id, { countries: ["be", "at"] }));
    assert.equal(taken.status, 422);
    assert.equal(taken.body.type, "duplicate_error");
    assert.match(taken.body.message, /Austria.*already belongs/);
    const takenOnCreate = await refusal(admin.admin.regions.create({ name: "Germany again", currency_code: "eur", tax_rate: 19, countries: ["de"], payment_providers: [], fulfillment_providers: [] }));
    assert.equal(takenOnCreate.status, 422);

    const bad: [string, () => Promise<unknown>][] = [
      ["unknown currency", () => admin.admin.regions.create({ name: "X", currency_code: "xyz", tax_rate: 0, countries: [], payment_providers: [], fulfillment_providers: [] })],
      ["unknown country", () => admin.admin.regions.create({ name: "X", currency_code: "eur", tax_rate: 0, countries: ["zz"], payment_providers: [], fulfillment_providers: [] })],
      ["tax rate over 100", () => admin.admin.regions.create({ name: "X", currency_code: "eur", tax_rate: 101, countries: [], payment_providers: [], fulfillment_providers: [] })],
      ["unknown payment provider", () => admin.admin.regions.update(a.id, { payment_providers: ["paypal"] })],
      ["unknown fulfillment provider", () => admin.admin.regions.update(a.id, { fulfillment_providers: ["dhl"] })],
      ["no name", () => admin.admin.regions.create({ currency_code: "eur", tax_rate: 0, countries: [], payment_providers: [], fulfillment_providers: [] } as any)],
      ["an unknown field", () => admin.admin.regions.update(a.id, { shipping_zone: "x" } as any)],
      ["the demo region's currency, with orders in it", () => admin.admin.regions.update("reg_europe", { currency_code: "gbp" })],
    ];
    for (const [what, call] of bad) {
      const answer = await refusal(call());
      assert.equal(answer.status, 400, `${what}: ${JSON.stringify(answer.body)}`);
    }
    assert.equal(JSON.stringify((await admin.admin.regions.list({ limit: 100 } as any)).regions), before, "nothing changed");
    assert.equal((await refusal(admin.admin.regions.retrieve("reg_nowhere"))).status, 404);

    // Removed from its region, a country can join another.
    await admin.admin.regions.update(a.id, { countries: [] });
    const moved = ((await admin.admin.regions.update(b.id, { countries: ["be", "at"] })) as any).region;
    assert.deepEqual(moved.countries.map((country: any) => country.iso_2).sort(), ["at", "be"]);
    const cart = expectOk(await api("POST", "/store/carts", { body: { country_code: "at" } }), "cart in Austria").cart;
    assert.equal(cart.region_id, b.id);
  });
});
