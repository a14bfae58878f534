import type { Transport } from "./transport";
import type { PricingQuery, StoreProduct } from "./types";

export type ProductsResource = ReturnType<typeof productsResource>;

export function productsResource(request: Transport) {
  return {
    list: (query: PricingQuery & { limit?: number; offset?: number; handle?: string } = {}) =>
      request<{ products: StoreProduct[]; count: number; offset: number; limit: number }>("GET", "/store/products", { query }),
    /** By id or by handle. */
    retrieve: (idOrHandle: string, query: PricingQuery = {}) =>
      request<{ product: StoreProduct }>("GET", `/store/products/${encodeURIComponent(idOrHandle)}`, { query }),
  };
}
