import type { Transport } from "./transport";
import type { StoreOrder, StoreOrderWithEmail } from "./types";

export type OrdersResource = ReturnType<typeof ordersResource>;

export function ordersResource(request: Transport) {
  return {
    retrieve: (orderId: string) => request<{ order: StoreOrderWithEmail }>("GET", `/store/orders/${encodeURIComponent(orderId)}`),
    retrieveByCartId: (cartId: string) => request<{ order: StoreOrder }>("GET", `/store/orders/cart/${encodeURIComponent(cartId)}`),
  };
}
