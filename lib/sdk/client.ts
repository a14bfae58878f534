// The storefront's Store API client: `createStoreClient({ baseUrl })`, or `storeClient` in the
// browser, which talks to this same origin.
import { cartsResource } from "./carts";
import { authResource, customersResource } from "./customers";
import { ordersResource } from "./orders";
import { productsResource } from "./products";
import { regionsResource } from "./regions";
import { shippingOptionsResource } from "./shipping-options";
import { createTransport, type TransportConfig } from "./transport";

export type StoreClient = ReturnType<typeof createStoreClient>;

export function createStoreClient(config: TransportConfig) {
  const request = createTransport(config);
  return {
    regions: regionsResource(request),
    products: productsResource(request),
    carts: cartsResource(request),
    shippingOptions: shippingOptionsResource(request),
    orders: ordersResource(request),
    auth: authResource(request),
    customers: customersResource(request),
  };
}

/** For client components: relative URLs, so only the store's own origin is ever called. */
export const storeClient = createStoreClient({ baseUrl: "/api" });
