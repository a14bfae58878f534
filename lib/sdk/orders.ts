import type { Transport } from "./transport";
import type { StoreOrder, StoreOrderWithEmail } from "./types";

export type OrdersResource = ReturnType<typeof ordersResource>;

export function ordersResource(request: Transport) {
  return {
    retrieve: (orderId: string) => request<{ order: StoreOrderWithEmail }>("GET", `/store/orders/${encodeURIComponent(orderId)}`),
    retrieveByCartId: (cartId: string) => request<{ order: StoreOrder }>("GET", `/store/orders/cart/${encodeURIComponent(cartId)}`),
    /** A guest's order by its number and the email it was placed with. */
    lookupOrder: (query: { display_id: number; email: string }) => request<{ order: StoreOrder }>("GET", "/store/orders", { query }),
    /** Emails a token to each order's address that brings the orders into the account (none: every guest order of my email). */
    requestCustomerOrders: (payload: { order_ids?: string[] } = {}) => request<unknown>("POST", "/store/orders/batch/customer/token", { body: payload }),
    confirmRequest: (payload: { token: string }) => request<{ claimed_order_ids: string[] }>("POST", "/store/orders/customer/confirm", { body: payload }),
  };
}
