import type { RequestOptions, Transport } from "./transport";
import type { StoreCart } from "./types";

export type LineItemsResource = ReturnType<typeof lineItemsResource>;

export function lineItemsResource(request: Transport) {
  const path = (cartId: string, lineId?: string) =>
    `/store/carts/${encodeURIComponent(cartId)}/line-items${lineId ? `/${encodeURIComponent(lineId)}` : ""}`;
  return {
    create: (cartId: string, payload: { variant_id: string; quantity: number }, options?: RequestOptions) =>
      request<{ cart: StoreCart }>("POST", path(cartId), { body: payload, ...options }),
    /** Quantity 0 removes the line. */
    update: (cartId: string, lineId: string, payload: { quantity: number }, options?: RequestOptions) =>
      request<{ cart: StoreCart }>("POST", path(cartId, lineId), { body: payload, ...options }),
    delete: (cartId: string, lineId: string, options?: RequestOptions) =>
      request<{ cart: StoreCart }>("DELETE", path(cartId, lineId), { body: {}, ...options }),
  };
}
