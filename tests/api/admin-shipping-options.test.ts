// The merchant's shipping options through medusa-js's admin client: create, change the price,
// name and requirements, switch off (admin_only) and on, delete (or switch off one an order used);
// the Store API stops offering a switched-off option, refuses it on a cart, and a cart that chose
// it before cannot complete with it; every refusal changes nothing.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, test } from "node:test";
import Medusa from "@medusajs/medusa-js";
import { demoAdmin, refusal, storeBase } from "../support/admin-api";
import { ADDRESS_DE, api, createCart, EUROPE, expectOk, VARIANTS } from "../support/store-api";
import { completeCart } from "../support/stripe-test-kit";
import { disconnectDb } from "../support/test-db";

after(disconnectDb);

let admin: Medusa;
let regionId: string;
before(async () => {
  admin = await demoAdmin();
  // A region of its own (no countries), so the seeded regions' option lists stay as other suites expect.
  const { region } = (await admin.admin.regions.create({ name: `Shipping test ${unique()}`, currency_code: "eur", tax_rate: 20, countries: [], payment_providers: ["manual"], fulfillment_providers: ["manual"] } as any)) as any;
  regionId = region.id;
});

const unique = () => randomUUID().slice(0, 8);

const so = () => admin.admin.shippingOptions;

async function createOption(overrides: Record<string, unknown> = {}) {
  const { shipping_option } = await so().create({ name: `Courier ${unique()}`, region_id: regionId, provider_id: "manual", price_type: "flat_rate", amount: 750, ...overrides } as any);
  return shipping_option as any;
}

const cartOptionIds = async (cartId: string) => expectOk(await api("GET", `/store/shipping-options/${cartId}`), "cart options").shipping_options.map((option: any) => option.id);
const regionOptionIds = async (region: string) => expectOk(await api("GET", `/store/shipping-options?region_id=${region}`), "region options").shipping_options.map((option: any) => option.id);

/** Everything the admin sees of the options, to prove a refusal changed nothing. */
async function optionsState() {
  const { shipping_options, count } = (await so().list({} as any)) as any;
  return { count, options: JSON.stringify(shipping_options) };
}

describe("admin shipping options", () => {
  test("every shipping-option route answers 401 without credentials", async () => {
    const anonymous = new Medusa({ baseUrl: storeBase(), maxRetries: 0 });
    const calls: [string, () => Promise<unknown>][] = [
      ["list", () => anonymous.admin.shippingOptions.list()],
      ["retrieve", () => anonymous.admin.shippingOptions.retrieve("so_eu_standard")],
      ["create", () => anonymous.admin.shippingOptions.create({ name: "X", region_id: EUROPE, provider_id: "manual", price_type: "flat_rate", amount: 1, data: {} } as any)],
      ["update", () => anonymous.admin.shippingOptions.update("so_eu_standard", { amount: 1 } as any)],
      ["delete", () => anonymous.admin.shippingOptions.delete("so_eu_standard")],
    ];
    for (const [what, call] of calls) assert.equal((await refusal(call())).status, 401, what);
    assert.equal((await so().retrieve("so_eu_standard")).shipping_option.amount, 495, "nothing changed");
  });

  test("creates an option the store offers at once, with its price and requirements", async () => {
    const option = await createOption({ amount: 0, requirements: [{ type: "min_subtotal", amount: 3000 }], data: {} });
    assert.match(option.id, /^so_/);
    assert.equal(option.region_id, regionId);
    assert.equal(option.provider_id, "manual");
    assert.equal(option.price_type, "flat_rate");
    assert.equal(option.amount, 0);
    assert.equal(option.admin_only, false);
    assert.equal(option.is_return, false);
    assert.deepEqual(option.requirements.map((requirement: any) => [requirement.type, requirement.amount]), [["min_subtotal", 3000]]);
    assert.equal(option.region.currency_code, "eur");

    const listed = (await so().list({ region_id: regionId } as any)) as any;
    assert.ok(listed.shipping_options.some((candidate: any) => candidate.id === option.id));
    assert.equal(listed.count, listed.shipping_options.length);
    assert.ok(listed.shipping_options.every((candidate: any) => candidate.region_id === regionId));

    // The store offers it from the threshold on.
    const small = await createCart([{ variant_id: VARIANTS.tote, quantity: 1 }], regionId);
    assert.ok(!(await cartOptionIds(small.id)).includes(option.id), "below the minimum subtotal");
    const big = await createCart([{ variant_id: VARIANTS.tote, quantity: 3 }], regionId);
    assert.ok((await cartOptionIds(big.id)).includes(option.id), "from the minimum subtotal on");
    assert.ok((await regionOptionIds(regionId)).includes(option.id));
  });

  test("updates name, price and requirements; requirements left out are removed", async () => {
    const option = await createOption({ requirements: [{ type: "max_subtotal", amount: 10000 }] });
    const { shipping_option: changed } = (await so().update(option.id, { name: "Courier (next day)", amount: 990, requirements: [{ type: "min_subtotal", amount: 1000 }, { type: "max_subtotal", amount: 20000 }] } as any)) as any;
    assert.equal(changed.name, "Courier (next day)");
    assert.equal(changed.amount, 990);
    assert.deepEqual(changed.requirements.map((requirement: any) => [requirement.type, requirement.amount]), [["min_subtotal", 1000], ["max_subtotal", 20000]]);
    const { shipping_option: cleared } = (await so().update(option.id, { requirements: [] } as any)) as any;
    assert.deepEqual(cleared.requirements, []);
    assert.equal(cleared.amount, 990, "a field left out stays");
    const store = expectOk(await api("GET", `/store/shipping-options?region_id=${regionId}`), "store").shipping_options.find((candidate: any) => candidate.id === option.id);
    assert.equal(store.amount, 990);
    assert.equal(store.name, "Courier (next day)");
  });

  test("a switched-off option is neither listed nor accepted; switched on it is offered again", async () => {
    const option = await createOption();
    const cart = await createCart([{ variant_id: VARIANTS.tote, quantity: 1 }], regionId);
    assert.ok((await cartOptionIds(cart.id)).includes(option.id));

    const { shipping_option: off } = (await so().update(option.id, { admin_only: true } as any)) as any;
    assert.equal(off.admin_only, true);
    assert.ok(!(await cartOptionIds(cart.id)).includes(option.id), "not in the cart's options");
    assert.ok(!(await regionOptionIds(regionId)).includes(option.id), "not in the catalogue of options");
    const refused = await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: option.id } });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.code, "shipping_option_unavailable");
    assert.match(refused.body.message, /no longer offered/);
    assert.equal(expectOk(await api("GET", `/store/carts/${cart.id}`), "cart").cart.shipping_methods.length, 0, "the refusal changed nothing");
    // The back office still sees it, and can filter on it.
    const switchedOff = (await so().list({ region_id: regionId, admin_only: true } as any)) as any;
    assert.deepEqual(switchedOff.shipping_options.map((candidate: any) => candidate.id), [option.id]);

    await so().update(option.id, { admin_only: false } as any);
    assert.ok((await cartOptionIds(cart.id)).includes(option.id));
    expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: option.id } }), "choose it again");
  });

  test("a cart that chose an option switched off since cannot complete; switched on, it can — and deleting it then only switches it off", async () => {
    // In Europe (a region with countries, to complete): dearer than the seeded options, and gone after the test.
    const option = await createOption({ region_id: EUROPE, amount: 4444, name: `Cargo bike ${unique()}` });
    const cart = await createCart([{ variant_id: VARIANTS.tote, quantity: 1 }], EUROPE);
    expectOk(await api("POST", `/store/carts/${cart.id}`, { body: { email: `shopper+${unique()}@example.com`, shipping_address: ADDRESS_DE } }), "address");
    expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: option.id } }), "choose it");
    expectOk(await api("POST", `/store/carts/${cart.id}/payment-sessions`), "sessions");
    expectOk(await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: "manual" } }), "select manual");

    await so().update(option.id, { admin_only: true } as any);
    const refused = await completeCart(cart.id);
    assert.equal(refused.status, 400, JSON.stringify(refused.body));
    assert.equal(refused.body.code, "shipping_option_unavailable");
    assert.match(refused.body.message, /Cargo bike.*no longer offered; choose another shipping method/);
    assert.equal(expectOk(await api("GET", `/store/carts/${cart.id}`), "cart").cart.completed_at, null);

    await so().update(option.id, { admin_only: false } as any);
    const done = await completeCart(cart.id);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.type, "order");
    assert.equal(done.body.data.shipping_methods[0].shipping_option_id, option.id);

    // An order used it: delete keeps it for the order and switches it off.
    const answer = (await so().delete(option.id)) as any;
    assert.equal(answer.deleted, false);
    assert.equal(answer.switched_off, true);
    assert.equal(answer.object, "shipping-option");
    assert.match(answer.message, /used by orders.*switched off/);
    assert.equal(answer.shipping_option.admin_only, true);
    assert.equal((await so().retrieve(option.id)).shipping_option.admin_only, true);
    assert.ok(!(await regionOptionIds(EUROPE)).includes(option.id));
    const order = expectOk(await api("GET", `/store/orders/${done.body.data.id}`), "order").order;
    assert.equal(order.shipping_methods[0].shipping_option_id, option.id, "the order keeps its option");
  });

  test("deleting an option no order used removes it, and takes it out of open carts", async () => {
    const option = await createOption();
    const cart = await createCart([{ variant_id: VARIANTS.tote, quantity: 1 }], regionId);
    expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: option.id } }), "choose it");
    const answer = (await so().delete(option.id)) as any;
    assert.deepEqual({ id: answer.id, object: answer.object, deleted: answer.deleted }, { id: option.id, object: "shipping-option", deleted: true });
    assert.equal((await refusal(so().retrieve(option.id))).status, 404);
    assert.equal(expectOk(await api("GET", `/store/carts/${cart.id}`), "cart").cart.shipping_methods.length, 0, "the shopper chooses again");
    assert.equal((await refusal(so().delete(option.id))).status, 404, "deleting twice");
    const gone = await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: option.id } });
    assert.equal(gone.status, 404);
  });

  test("every bad input is a 4xx JSON that changes nothing", async () => {
    const option = await createOption();
    const before = await optionsState();
    const base = { name: "Bad", region_id: regionId, provider_id: "manual", price_type: "flat_rate", amount: 500 };
    const creates: [string, Record<string, unknown>, number, RegExp][] = [
      ["no name", { ...base, name: "" }, 400, /name/],
      ["no region", { ...base, region_id: undefined }, 400, /region_id/],
      ["unknown region", { ...base, region_id: "reg_doesnotexist" }, 400, /region_id: region with id reg_doesnotexist was not found/],
      ["unknown provider", { ...base, provider_id: "dhl" }, 400, /provider_id: "dhl" is not a fulfillment provider/],
      ["calculated price", { ...base, price_type: "calculated" }, 400, /flat_rate/],
      ["no amount", { ...base, amount: undefined }, 400, /amount/],
      ["negative amount", { ...base, amount: -1 }, 400, /amount: must not be negative/],
      ["fractional amount", { ...base, amount: 4.95 }, 400, /amount: must be a whole number/],
      ["amount as text", { ...base, amount: "495" }, 400, /amount/],
      ["unknown requirement type", { ...base, requirements: [{ type: "max_weight", amount: 1 }] }, 400, /requirements\.0\.type/],
      ["two minimums", { ...base, requirements: [{ type: "min_subtotal", amount: 1 }, { type: "min_subtotal", amount: 2 }] }, 400, /at most one min_subtotal/],
      ["minimum above maximum", { ...base, requirements: [{ type: "min_subtotal", amount: 5000 }, { type: "max_subtotal", amount: 5000 }] }, 400, /min_subtotal must be below max_subtotal/],
      ["provider data", { ...base, data: { carrier: "x" } }, 400, /data/],
      ["unknown field", { ...base, metadata: { a: 1 } }, 400, /unknown field "metadata"/],
      ["admin_only as text", { ...base, admin_only: "yes" }, 400, /admin_only/],
    ];
    for (const [what, body, status, message] of creates) {
      const refused = await refusal(so().create(body as any));
      assert.equal(refused.status, status, what);
      assert.equal(refused.body.type, "invalid_data", what);
      assert.match(refused.body.message, message, what);
    }
    const updates: [string, string, Record<string, unknown>, number][] = [
      ["negative amount", option.id, { amount: -5 }, 400],
      ["empty name", option.id, { name: "  " }, 400],
      ["region cannot move", option.id, { region_id: EUROPE }, 400],
      ["bad requirements", option.id, { requirements: [{ type: "max_subtotal", amount: 100 }, { type: "min_subtotal", amount: 200 }] }, 400],
      ["calculated price", option.id, { price_type: "calculated" }, 400],
      ["unknown option", "so_doesnotexist", { amount: 1 }, 404],
      ["not an option id", "prod_canvastote", { amount: 1 }, 404],
    ];
    for (const [what, id, body, status] of updates) {
      const refused = await refusal(so().update(id, body as any));
      assert.equal(refused.status, status, what);
      assert.ok(refused.body.message, what);
    }
    assert.equal((await refusal(so().retrieve("so_doesnotexist"))).status, 404);
    assert.equal((await refusal(so().delete("so_doesnotexist"))).status, 404);
    const listRefused = await refusal(so().list({ is_return: "maybe" } as any));
    assert.equal(listRefused.status, 400);
    assert.deepEqual(await optionsState(), before, "the refusals changed nothing");
  });

  test("filters on region and return options", async () => {
    const returns = (await so().list({ region_id: EUROPE, is_return: true } as any)) as any;
    assert.ok(returns.shipping_options.length >= 1);
    assert.ok(returns.shipping_options.every((option: any) => option.is_return && option.region_id === EUROPE));
    const outbound = (await so().list({ region_id: EUROPE, is_return: false } as any)) as any;
    assert.ok(outbound.shipping_options.every((option: any) => !option.is_return));
    assert.ok(outbound.shipping_options.some((option: any) => option.id === "so_eu_standard"));
  });
});
