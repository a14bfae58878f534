// The store, for server-rendered pages: the domain's functions called in this process (no HTTP
// round trip to our own API), each wrapped in React's cache() so one request never loads the same
// thing twice (the layout, generateMetadata and the page share one read). The rules the Store
// API's edge adds are kept here too: who is signed in comes from the session cookie, and a cart
// in a customer's account is theirs alone (anyone else gets the 404 the API would answer).
// Client components never import this: they go through lib/sdk/client over HTTP.
import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import { findSessionActorByToken } from "@/lib/auth/sessions";
import { assertShopperMayUseCart } from "@/lib/commerce/cart";
import { retrieveCart } from "@/lib/commerce/cart-store";
import { StoreError } from "@/lib/commerce/errors";
import { retrieveOrder, retrieveOrderByCartId } from "@/lib/commerce/orders";
import { listProducts, retrieveProduct } from "@/lib/commerce/products";
import { listRegions } from "@/lib/commerce/regions";
import { retrieveCustomer } from "@/lib/customers/accounts";
import { listCustomerOrders } from "@/lib/customers/customer-orders";
import { CUSTOMER_SESSION_COOKIE } from "./cookies";
import type { StoreCart, StoreCustomer, StoreOrder, StoreOrderWithEmail, StoreProduct, StoreRegion } from "./types";

/** The Store API's page size when a request names none (parsePage's default). */
const PAGE = { limit: 100, offset: 0 };

/** A domain refusal with this HTTP status (e.g. 404), as the Store API would have answered it. */
export function isStoreRefusal(error: unknown, ...statuses: number[]): error is StoreError {
  return error instanceof StoreError && statuses.includes(error.status);
}

/** The signed-in customer's id from the session cookie, or null for a guest. */
export const signedInCustomerId = cache(async (): Promise<string | null> => {
  const token = (await cookies()).get(CUSTOMER_SESSION_COOKIE)?.value;
  return token ? findSessionActorByToken(token, "customer") : null;
});

export const signedInCustomer = cache(async (): Promise<StoreCustomer | null> => {
  const customerId = await signedInCustomerId();
  return customerId ? retrieveCustomer(customerId) : null;
});

export const regions = cache(async (): Promise<StoreRegion[]> => (await listRegions(PAGE)).regions);

/** The shopper's cart; a cart in someone else's account is not found (StoreError 404). */
export const cart = cache(async (cartId: string): Promise<StoreCart> => {
  await assertShopperMayUseCart(cartId, { customerId: await signedInCustomerId() });
  return retrieveCart(cartId);
});

/** The catalogue, priced in the region's currency. */
export const products = cache(async (regionId: string): Promise<StoreProduct[]> => (await listProducts({ ...PAGE, regionId })).products);

/** One product by handle (or id), priced in the region's currency; StoreError 404 when there is none. */
export const product = cache((handle: string, regionId: string): Promise<StoreProduct> => retrieveProduct(handle, { regionId }));

export const order = cache((orderId: string): Promise<StoreOrderWithEmail> => retrieveOrder(orderId));

export const orderOfCart = cache((cartId: string): Promise<StoreOrder> => retrieveOrderByCartId(cartId));

/** The signed-in customer's orders, newest first (`id` narrows to one); StoreError 401 for a guest. */
export const customerOrders = cache(async (limit: number, id?: string): Promise<{ orders: StoreOrder[]; count: number }> => {
  const customerId = await signedInCustomerId();
  if (!customerId) throw new StoreError("unauthorized", "Sign in to see your orders");
  return listCustomerOrders(customerId, { limit, offset: 0, id });
});
