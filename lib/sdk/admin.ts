// The back office's Admin API client (medusa-js's admin method names). It runs in the browser on
// the store's own origin, so the session cookie travels with every call and no token is kept in
// scripts. Types are the domain's, as for the storefront SDK.
import type { AdminOrder } from "../order-management/admin-orders";
import type { AdminUser } from "../users/users";
import { createTransport, type Query } from "./transport";

export type { AdminOrder, AdminUser };
export type OrderList = { orders: AdminOrder[]; count: number; offset: number; limit: number };

// One retry of a 409 ("another change to this order is in progress") with the same key.
const request = createTransport({ baseUrl: "/api", maxRetries: 1 });

const orderAction = (path: string, body?: unknown) => request<{ order: AdminOrder }>("POST", path, { body }).then((answer) => answer.order);

export const adminClient = {
  auth: {
    createSession: (email: string, password: string) => request<{ user: AdminUser }>("POST", "/admin/auth", { body: { email, password } }),
    getSession: () => request<{ user: AdminUser }>("GET", "/admin/auth"),
    deleteSession: () => request<object>("DELETE", "/admin/auth"),
  },
  orders: {
    list: (query: Query) => request<OrderList>("GET", "/admin/orders", { query }),
    retrieve: (id: string) => request<{ order: AdminOrder }>("GET", `/admin/orders/${encodeURIComponent(id)}`).then((answer) => answer.order),
    capturePayment: (id: string) => orderAction(`/admin/orders/${id}/capture`),
    refundPayment: (id: string, input: { amount: number; reason: string; note?: string }) => orderAction(`/admin/orders/${id}/refund`, input),
    cancel: (id: string) => orderAction(`/admin/orders/${id}/cancel`),
    createFulfillment: (id: string, items: { item_id: string; quantity: number }[]) => orderAction(`/admin/orders/${id}/fulfillment`, { items }),
    cancelFulfillment: (id: string, fulfillmentId: string) => orderAction(`/admin/orders/${id}/fulfillments/${fulfillmentId}/cancel`),
    createShipment: (id: string, fulfillmentId: string, trackingNumbers: string[]) =>
      orderAction(`/admin/orders/${id}/shipment`, { fulfillment_id: fulfillmentId, tracking_numbers: trackingNumbers }),
    complete: (id: string) => orderAction(`/admin/orders/${id}/complete`),
    archive: (id: string) => orderAction(`/admin/orders/${id}/archive`),
  },
};
