// The cookies the storefront keeps: which cart is the shopper's and which region/country they
// shop in. Read on the server (next/headers) and written in the browser after a change.

export const CART_COOKIE = "cart_id";
export const REGION_COOKIE = "region_id";
export const COUNTRY_COOKIE = "country_code";
/** The signed-in shopper's session: set httpOnly by the Store API, never readable in the page. */
export const CUSTOMER_SESSION_COOKIE = "store_customer_session";

const YEAR_IN_SECONDS = 60 * 60 * 24 * 365;

export function setBrowserCookie(name: string, value: string, maxAgeSeconds = YEAR_IN_SECONDS): void {
  const secure = typeof location !== "undefined" && location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${name}=${encodeURIComponent(value)}; Path=/; Max-Age=${maxAgeSeconds}; SameSite=Lax${secure}`;
}

export function clearBrowserCookie(name: string): void {
  document.cookie = `${name}=; Path=/; Max-Age=0; SameSite=Lax`;
}

export function readBrowserCookie(name: string): string | null {
  const match = document.cookie.split("; ").find((part) => part.startsWith(`${name}=`));
  return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
}
