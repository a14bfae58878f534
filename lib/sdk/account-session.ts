// The signed-in shopper, for server-rendered pages: null for a guest; account pages send a guest
// to the sign-in page and back afterwards.
import { redirect } from "next/navigation";
import { signedInCustomer } from "./server-store";
import type { StoreCustomer } from "./types";

export async function getSignedInCustomer(): Promise<StoreCustomer | null> {
  return signedInCustomer();
}

/** The signed-in customer, or a redirect to sign in that comes back to `returnTo`. */
export async function requireSignedInCustomer(returnTo: string): Promise<StoreCustomer> {
  const customer = await getSignedInCustomer();
  if (!customer) redirect(`/account/sign-in?next=${encodeURIComponent(returnTo)}`);
  return customer;
}

export { safeReturnPath } from "./return-path";
