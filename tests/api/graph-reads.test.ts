// lib/db/graph.ts reads a row and its relations in one JSON statement instead of Prisma's one
// query per relation. Whatever it reads must be exactly what Prisma's own include gives, on this
// suite's database (SQLite or PostgreSQL): dates, booleans, nulls, numbers, JSON text and the
// order of every list. Compared here on real rows the API made: an open cart with lines, a
// discount, shipping and sessions, the order it became, its region, a country and a variant.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { placeOrder } from "../support/admin-api";
import { api, expectOk, readyCart, VARIANTS } from "../support/store-api";
import { disconnectDb, setStock } from "../support/test-db";
import { db } from "../../lib/db/client";
import { findGraph, findGraphs, type GraphInclude } from "../../lib/db/graph";
import { adminOrderInclude, cartInclude, orderInclude, productInclude, regionInclude } from "../../lib/commerce/queries";

after(disconnectDb);

let openCartId: string;
let orderId: string;

before(async () => {
  await setStock(VARIANTS.tote, 500);
  await setStock(VARIANTS.mugSand, 500);
  const cart = await readyCart({ items: [{ variant_id: VARIANTS.tote, quantity: 2 }, { variant_id: VARIANTS.mugSand, quantity: 1 }] });
  expectOk(await api("POST", `/store/carts/${cart.id}`, { body: { discounts: [{ code: "WELCOME10" }] } }), "apply a discount");
  openCartId = cart.id;
  orderId = (await placeOrder([{ variant_id: VARIANTS.mugSand, quantity: 3 }, { variant_id: VARIANTS.tote, quantity: 1 }])).id;
});

/** Prisma's answer for the same row and include, through the model the graph names. */
async function prismaAnswer(model: string, where: Record<string, string>, include: GraphInclude): Promise<unknown> {
  const delegate = (db() as unknown as Record<string, { findUnique(args: unknown): Promise<unknown> }>)[model];
  return delegate.findUnique({ where, include });
}

/** Prisma's findMany with the same arguments. */
async function prismaMany(model: string, args: Record<string, unknown>): Promise<unknown[]> {
  const delegate = (db() as unknown as Record<string, { findMany(args: unknown): Promise<unknown[]> }>)[model];
  return delegate.findMany(args);
}

describe("graph reads equal Prisma's include", () => {
  test("an open cart with lines, a discount, shipping and payment sessions", async () => {
    const graph = await findGraph(db(), "Cart", openCartId, cartInclude);
    assert.ok(graph, "the cart is found");
    assert.deepStrictEqual(graph, await prismaAnswer("cart", { id: openCartId }, cartInclude));
  });

  test("an order, as the shopper and as the back office read it", async () => {
    assert.deepStrictEqual(await findGraph(db(), "Order", orderId, orderInclude), await prismaAnswer("order", { id: orderId }, orderInclude));
    assert.deepStrictEqual(await findGraph(db(), "Order", orderId, adminOrderInclude), await prismaAnswer("order", { id: orderId }, adminOrderInclude));
  });

  test("the completed cart, found by the order's cart id", async () => {
    const order = await db().order.findUniqueOrThrow({ where: { id: orderId }, select: { cartId: true } });
    assert.deepStrictEqual(await findGraph(db(), "Order", order.cartId, orderInclude, "cartId"), await prismaAnswer("order", { cartId: order.cartId }, orderInclude));
    assert.deepStrictEqual(await findGraph(db(), "Cart", order.cartId, cartInclude), await prismaAnswer("cart", { id: order.cartId }, cartInclude));
  });

  test("a region with its countries and tax rates, and a country with its region", async () => {
    assert.deepStrictEqual(await findGraph(db(), "Region", "reg_europe", regionInclude), await prismaAnswer("region", { id: "reg_europe" }, regionInclude));
    const include = { region: { include: regionInclude } };
    assert.deepStrictEqual(await findGraph(db(), "Country", "de", include, "iso2"), await prismaAnswer("country", { iso2: "de" }, include));
  });

  test("a variant with its product and prices", async () => {
    const include = { product: true, prices: true } as const;
    assert.deepStrictEqual(await findGraph(db(), "ProductVariant", VARIANTS.tote, include), await prismaAnswer("productVariant", { id: VARIANTS.tote }, include));
  });

  test("a product by handle with its images, options and variants; pages of the published catalogue", async () => {
    const handle = "organic-cotton-tee";
    assert.deepStrictEqual(await findGraph(db(), "Product", handle, productInclude, "handle"), await prismaAnswer("product", { handle }, productInclude));
    const orderBy = [{ createdAt: "asc" }, { id: "asc" }] as const;
    const where = { status: "published" };
    for (const [take, skip] of [[100, 0], [3, 2], [5, 1_000]]) {
      const graphs = await findGraphs(db(), "Product", productInclude, { where, orderBy: [...orderBy], take, skip });
      assert.deepStrictEqual(graphs, await prismaMany("product", { where, include: productInclude, orderBy: [...orderBy], take, skip }), `take ${take} skip ${skip}`);
      if (skip === 0) assert.ok(graphs.length > 5, "the seeded catalogue is read");
    }
  });

  test("every region, and a page of regions", async () => {
    const orderBy = [{ createdAt: "asc" }, { id: "asc" }] as const;
    assert.deepStrictEqual(await findGraphs(db(), "Region", regionInclude, { orderBy: [...orderBy] }), await prismaMany("region", { include: regionInclude, orderBy: [...orderBy] }));
    assert.deepStrictEqual(
      await findGraphs(db(), "Region", regionInclude, { orderBy: [...orderBy], take: 1, skip: 1 }),
      await prismaMany("region", { include: regionInclude, orderBy: [...orderBy], take: 1, skip: 1 }),
    );
  });

  test("a key that names nothing reads null, as Prisma does", async () => {
    assert.equal(await findGraph(db(), "Cart", "cart_01JZZZZZZZZZZZZZZZZZZZZZZZ", cartInclude), null);
    assert.equal(await findGraph(db(), "Country", "zz", { region: true }, "iso2"), null);
  });
});
