// The signed-in shopper, for server-rendered pages: null for a guest; account pages send a guest
// to the sign-in page and back afterwards.
import { redirect } from "next/navigation";
import { serverStoreClient } from "./server-client";
import { isStoreApiError } from "./store-api-error";
import type { StoreCustomer } from "./types";

export async function getSignedInCustomer(): Promise<StoreCustomer | null> {
  try {
    return (await (await serverStoreClient()).customers.retrieve()).customer;
  } catch (error) {
    if (isStoreApiError(error) && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in customer, or a redirect to sign in that comes back to `returnTo`. */
export async function requireSignedInCustomer(returnTo: string): Promise<StoreCustomer> {
  const customer = await getSignedInCustomer();
  if (!customer) redirect(`/account/sign-in?next=${encodeURIComponent(returnTo)}`);
  return customer;
}

export { safeReturnPath } from "./return-path";
