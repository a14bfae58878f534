// The catalogue, priced for the shopper's currency when the request says which one (by region,
// cart or currency code), as Medusa's calculated_price. Shoppers see published products only.
import { db } from "../db/client";
import { findGraph, findGraphs } from "../db/graph";
import { notFound } from "./errors";
import { looksLikeId } from "./ids";
import { productInclude, type ProductRow } from "./queries";
import { serializeProduct, type StoreProduct } from "./serialize";

export type PricingContext = { regionId?: string; cartId?: string; currencyCode?: string };

async function currencyFor(context: PricingContext): Promise<string | null> {
  if (context.currencyCode) return context.currencyCode.toLowerCase();
  if (context.cartId) {
    if (!looksLikeId("cart", context.cartId)) throw notFound("Cart", context.cartId);
    const cart = await db().cart.findUnique({ where: { id: context.cartId }, select: { region: { select: { currencyCode: true } } } });
    if (!cart) throw notFound("Cart", context.cartId);
    return cart.region.currencyCode;
  }
  if (context.regionId) {
    if (!looksLikeId("region", context.regionId)) throw notFound("Region", context.regionId);
    const region = await db().region.findUnique({ where: { id: context.regionId }, select: { currencyCode: true } });
    if (!region) throw notFound("Region", context.regionId);
    return region.currencyCode;
  }
  return null;
}

export async function listProducts(context: PricingContext & { limit: number; offset: number; handle?: string }) {
  const currencyCode = await currencyFor(context);
  const where = { status: "published", ...(context.handle ? { handle: context.handle } : {}) };
  // The page with its images, options and variants in one statement, and the count.
  const [products, count] = await Promise.all([
    findGraphs<ProductRow>(db(), "Product", productInclude, { where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: context.limit, skip: context.offset }),
    db().product.count({ where }),
  ]);
  return {
    products: products.map((product) => serializeProduct(product, currencyCode)),
    count,
    offset: context.offset,
    limit: context.limit,
  };
}

/** By id, or by handle (the storefront's product URLs use handles). */
export async function retrieveProduct(idOrHandle: string, context: PricingContext): Promise<StoreProduct> {
  const currencyCode = await currencyFor(context);
  const product = await findGraph<ProductRow>(db(), "Product", idOrHandle, productInclude, looksLikeId("product", idOrHandle) ? "id" : "handle");
  if (!product || product.status !== "published") throw notFound("Product", idOrHandle);
  return serializeProduct(product, currencyCode);
}
