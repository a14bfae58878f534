// Who is asking, for the Store API: a signed-in shopper proves it with the session cookie the
// sign-in set, or with `Authorization: Bearer <token>` from POST /store/auth/token (medusa-js
// `auth.getToken`). Both name a server-side session, so signing out ends either at once.
import { verifyAccessToken } from "../auth/access-tokens";
import { findSessionActorByToken, hashToken, revokeSession } from "../auth/sessions";
import { assertShopperMayUseCart } from "../commerce/cart";
import { unauthorized } from "../commerce/errors";
import { apiRoute, storeRoute, type Handler, type RouteHandler, type RouteParams } from "./store-route";

import { CUSTOMER_SESSION_COOKIE } from "../sdk/cookies";

/** Distinct from any merchant (admin) cookie, so the two sessions never mix. */
export const CUSTOMER_COOKIE = CUSTOMER_SESSION_COOKIE;

export type CustomerCredentials = { customerId: string; sessionId: string };

function cookieValue(request: Request, name: string): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return match ? match[1] : null;
}

/** The signed-in customer and their session, or null. A bearer token wins over a cookie. */
export async function findCustomerCredentials(request: Request): Promise<CustomerCredentials | null> {
  const bearer = bearerToken(request);
  if (bearer) {
    const verified = await verifyAccessToken(bearer, "customer");
    return verified ? { customerId: verified.actorId, sessionId: verified.sessionId } : null;
  }
  const token = cookieValue(request, CUSTOMER_COOKIE);
  if (!token) return null;
  const customerId = await findSessionActorByToken(token, "customer");
  return customerId ? { customerId, sessionId: hashToken(token) } : null;
}

/** The signed-in customer's id, or null for a guest. */
export async function findCustomerId(request: Request): Promise<string | null> {
  return (await findCustomerCredentials(request))?.customerId ?? null;
}

/** The signed-in customer, or a 401. */
export async function requireCustomer(request: Request): Promise<CustomerCredentials> {
  const credentials = await findCustomerCredentials(request);
  if (!credentials) throw unauthorized();
  return credentials;
}

/** Ends the session the request speaks for (cookie or bearer); a no-op for a guest. */
export async function endCustomerSession(request: Request): Promise<void> {
  const credentials = await findCustomerCredentials(request);
  if (credentials) await revokeSession(credentials.sessionId);
}

// Secure only behind TLS: the browser would drop a Secure cookie sent over plain http (local runs).
function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [
    `${CUSTOMER_COOKIE}=${encodeURIComponent(token)}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Max-Age=${maxAge}`,
    ...(isHttps(request) ? ["Secure"] : []),
  ].join("; ");
}

export function clearedSessionCookie(request: Request): string {
  return [`${CUSTOMER_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(isHttps(request) ? ["Secure"] : [])].join("; ");
}

/**
 * The edge for the account routes: like storeRoute, but never idempotent-replayed, because their
 * answers set a session cookie, carry a secret (a bearer token) or depend on who is signed in,
 * and must not be stored or handed to whoever repeats a key.
 */
export function customerRoute<P extends RouteParams = Record<string, never>>(handler: Handler<P>): RouteHandler<P> {
  return apiRoute(handler, { idempotent: false, label: "store api (accounts)" });
}

/**
 * storeRoute for a route that names a cart (`cartParam`): a cart in a customer's account is
 * theirs alone, so for anyone else (a guest, another customer) it answers 404 before the handler.
 */
export function cartRoute<P extends RouteParams>(cartParam: keyof P & string, handler: Handler<P>): RouteHandler<P> {
  return storeRoute<P>(async (input) => {
    await assertShopperMayUseCart(String(input.params[cartParam]), { customerId: await findCustomerId(input.request) });
    return handler(input);
  });
}
