// The back office's Admin API client (medusa-js's admin method names). It runs in the browser on
// the store's own origin, so the session cookie travels with every call and no token is kept in
// scripts. Types are the domain's, as for the storefront SDK.
import type { AdminProduct } from "../catalogue/admin-products";
import type { AdminRegion } from "../catalogue/admin-regions";
import type { AdminShippingOption } from "../catalogue/admin-shipping-options";
import type { AdminOrder } from "../order-management/admin-orders";
import type { AdminUser } from "../users/users";
import { createTransport, type Query } from "./transport";

export type { AdminOrder, AdminProduct, AdminRegion, AdminShippingOption, AdminUser };
export type ShippingRequirement = { type: "min_subtotal" | "max_subtotal"; amount: number };
export type ShippingOptionChanges = { name?: string; amount?: number; requirements?: ShippingRequirement[]; admin_only?: boolean };
export type OrderList = { orders: AdminOrder[]; count: number; offset: number; limit: number };
export type ProductList = { products: AdminProduct[]; count: number; offset: number; limit: number };
export type PriceInput = { currency_code: string; amount: number };
export type VariantChanges = { inventory_quantity?: number; manage_inventory?: boolean; allow_backorder?: boolean; prices?: PriceInput[] };
export type NewProduct = {
  title: string;
  handle?: string;
  description?: string;
  status: string;
  images: string[];
  options: { title: string }[];
  variants: (VariantChanges & { title?: string; sku?: string; options: { value: string }[] })[];
};
export type ProviderInfo = { id: string; is_installed: boolean; is_test: boolean };

// One retry of a 409 ("another change to this order is in progress") with the same key.
const request = createTransport({ baseUrl: "/api", maxRetries: 1 });

const productOf = (answer: { product: AdminProduct }) => answer.product;
const regionOf = (answer: { region: AdminRegion }) => answer.region;
const shippingOptionOf = (answer: { shipping_option: AdminShippingOption }) => answer.shipping_option;

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
  products: {
    list: (query: Query) => request<ProductList>("GET", "/admin/products", { query }),
    retrieve: (id: string) => request<{ product: AdminProduct }>("GET", `/admin/products/${encodeURIComponent(id)}`).then(productOf),
    create: (input: NewProduct) => request<{ product: AdminProduct }>("POST", "/admin/products", { body: input }).then(productOf),
    update: (id: string, input: { status?: string; title?: string }) =>
      request<{ product: AdminProduct }>("POST", `/admin/products/${encodeURIComponent(id)}`, { body: input }).then(productOf),
    updateVariant: (id: string, variantId: string, input: VariantChanges) =>
      request<{ product: AdminProduct }>("POST", `/admin/products/${encodeURIComponent(id)}/variants/${encodeURIComponent(variantId)}`, { body: input }).then(productOf),
    delete: (id: string) =>
      request<{ id: string; deleted: boolean; unpublished?: boolean; message?: string; product?: AdminProduct }>("DELETE", `/admin/products/${encodeURIComponent(id)}`),
  },
  regions: {
    list: () => request<{ regions: AdminRegion[]; count: number }>("GET", "/admin/regions", { query: { limit: 100 } }),
    update: (id: string, input: { payment_providers: string[] }) =>
      request<{ region: AdminRegion }>("POST", `/admin/regions/${encodeURIComponent(id)}`, { body: input }).then(regionOf),
  },
  shippingOptions: {
    list: (query: Query) => request<{ shipping_options: AdminShippingOption[]; count: number }>("GET", "/admin/shipping-options", { query }),
    create: (input: ShippingOptionChanges & { name: string; region_id: string; amount: number; provider_id: string; price_type: "flat_rate" }) =>
      request<{ shipping_option: AdminShippingOption }>("POST", "/admin/shipping-options", { body: input }).then(shippingOptionOf),
    update: (id: string, input: ShippingOptionChanges) =>
      request<{ shipping_option: AdminShippingOption }>("POST", `/admin/shipping-options/${encodeURIComponent(id)}`, { body: input }).then(shippingOptionOf),
    delete: (id: string) =>
      request<{ id: string; deleted: boolean; switched_off?: boolean; message?: string; shipping_option?: AdminShippingOption }>("DELETE", `/admin/shipping-options/${encodeURIComponent(id)}`),
  },
  store: {
    listPaymentProviders: () => request<{ payment_providers: ProviderInfo[] }>("GET", "/admin/store/payment-providers").then((answer) => answer.payment_providers),
  },
};
