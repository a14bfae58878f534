// Carts and what hangs off them (payment sessions, shipping methods, completion), with
// medusa-js's method names so the checkout guide reads true.
import { lineItemsResource } from "./line-items";
import type { RequestOptions, Transport } from "./transport";
import type { CartCreatePayload, CartUpdatePayload, CompleteCartResult, StoreCart } from "./types";

export type CartsResource = ReturnType<typeof cartsResource>;

type CartAnswer = { cart: StoreCart };

export function cartsResource(request: Transport) {
  const cartPath = (cartId: string, rest = "") => `/store/carts/${encodeURIComponent(cartId)}${rest}`;
  const post = (path: string, body: unknown, options?: RequestOptions) => request<CartAnswer>("POST", path, { body, ...options });

  return {
    lineItems: lineItemsResource(request),

    create: (payload: CartCreatePayload = {}, options?: RequestOptions) => post("/store/carts", payload, options),
    retrieve: (cartId: string) => request<CartAnswer>("GET", cartPath(cartId)),
    update: (cartId: string, payload: CartUpdatePayload, options?: RequestOptions) => post(cartPath(cartId), payload, options),

    createPaymentSessions: (cartId: string, options?: RequestOptions) => post(cartPath(cartId, "/payment-sessions"), {}, options),
    setPaymentSession: (cartId: string, payload: { provider_id: string }, options?: RequestOptions) =>
      post(cartPath(cartId, "/payment-session"), payload, options),
    updatePaymentSession: (cartId: string, providerId: string, payload: { data: Record<string, unknown> }, options?: RequestOptions) =>
      post(cartPath(cartId, `/payment-sessions/${encodeURIComponent(providerId)}`), payload, options),
    refreshPaymentSession: (cartId: string, providerId: string, options?: RequestOptions) =>
      post(cartPath(cartId, `/payment-sessions/${encodeURIComponent(providerId)}/refresh`), {}, options),
    deletePaymentSession: (cartId: string, providerId: string, options?: RequestOptions) =>
      request<CartAnswer>("DELETE", cartPath(cartId, `/payment-sessions/${encodeURIComponent(providerId)}`), { body: {}, ...options }),

    /** medusa-js carts.deleteDiscount */
    deleteDiscount: (cartId: string, code: string, options?: RequestOptions) =>
      request<CartAnswer>("DELETE", cartPath(cartId, `/discounts/${encodeURIComponent(code)}`), { body: {}, ...options }),
    deleteGiftCard: (cartId: string, code: string, options?: RequestOptions) =>
      request<CartAnswer>("DELETE", cartPath(cartId, `/gift-cards/${encodeURIComponent(code)}`), { body: {}, ...options }),

    addShippingMethod: (cartId: string, payload: { option_id: string; data?: Record<string, unknown> }, options?: RequestOptions) =>
      post(cartPath(cartId, "/shipping-methods"), payload, options),

    complete: (cartId: string, options?: RequestOptions) =>
      request<CompleteCartResult>("POST", cartPath(cartId, "/complete"), { body: {}, ...options }),
  };
}
