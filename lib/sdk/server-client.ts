// Server components call the same HTTP API the browser does, at this request's own origin, so
// the storefront has one way to read the store whether it renders on the server or the client.
import { cookies, headers } from "next/headers";
import { createStoreClient, type StoreClient } from "./client";
import { CUSTOMER_SESSION_COOKIE } from "./cookies";

/** An absolute base for this request, e.g. http://127.0.0.1:3100/api. */
async function requestOrigin(): Promise<string> {
  // Read at request time (a computed name, so the build never inlines it): lets a deployment
  // point the server at an internal address instead of its public one.
  const configured = process.env[["STORE", "API", "INTERNAL", "URL"].join("_")];
  if (configured) return configured.replace(/\/+$/, "");
  const incoming = await headers();
  const host = incoming.get("host");
  // Only a plain host[:port] is used, so a crafted Host header cannot point the server elsewhere
  // than a host name; deployments set STORE_API_INTERNAL_URL (npm start does) and skip this.
  if (!host || !/^[a-zA-Z0-9.-]+(:\d{1,5})?$|^\[[0-9a-fA-F:]+\](:\d{1,5})?$/.test(host)) {
    throw new Error("Cannot reach the Store API: the request has no usable Host header");
  }
  const forwardedProto = incoming.get("x-forwarded-proto")?.split(",")[0]?.trim();
  const proto = forwardedProto === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

/** The shopper's session cookie goes along (and only it), so a page can render their account. */
export async function serverStoreClient(): Promise<StoreClient> {
  const session = (await cookies()).get(CUSTOMER_SESSION_COOKIE)?.value;
  const forwarded = session ? { cookie: `${CUSTOMER_SESSION_COOKIE}=${encodeURIComponent(session)}` } : undefined;
  return createStoreClient({ baseUrl: `${await requestOrigin()}/api`, maxRetries: 1, headers: forwarded });
}
