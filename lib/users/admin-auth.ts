// Who is calling the Admin API. Three ways in, as Medusa v1 offers them: a bearer token from
// POST /admin/auth/token (Authorization: Bearer), a user's API token (x-medusa-access-token,
// medusa-js's `apiKey`), or the back office's session cookie. All three end when revoked.
import { issueAccessToken, verifyAccessToken } from "../auth/access-tokens";
import { clientAddress } from "../http/client-address";
import { createSession, findSessionActorByToken, hashToken, revokeSession } from "../auth/sessions";
import { findUser, findUserByApiToken, serializeUser, signInWithPassword, type UserRow } from "./users";

export const ADMIN_SESSION_COOKIE = "admin_session";

export type AdminCredentials = { user: UserRow; sessionId: string | null; via: "bearer" | "api_token" | "cookie" };

export function readCookie(cookieHeader: string | null, name: string): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

export async function authenticateAdmin(headers: Headers): Promise<AdminCredentials | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  if (bearer) {
    const verified = await verifyAccessToken(bearer, "user");
    const user = verified ? await findUser(verified.actorId) : null;
    return user ? { user, sessionId: verified!.sessionId, via: "bearer" } : null;
  }
  const apiToken = headers.get("x-medusa-access-token");
  if (apiToken) {
    const user = await findUserByApiToken(apiToken);
    return user ? { user, sessionId: null, via: "api_token" } : null;
  }
  const cookieToken = readCookie(headers.get("cookie"), ADMIN_SESSION_COOKIE);
  if (cookieToken) {
    const actorId = await findSessionActorByToken(cookieToken, "user");
    const user = actorId ? await findUser(actorId) : null;
    return user ? { user, sessionId: hashToken(cookieToken), via: "cookie" } : null;
  }
  return null;
}


/** POST /admin/auth: the user and a new session for the cookie. */
export async function startAdminSession(email: string, password: string, headers: Headers) {
  const user = await signInWithPassword(email, password, clientAddress({ headers }));
  return { user: serializeUser(user), session: await createSession("user", user.id) };
}

/** POST /admin/auth/token: a bearer token bound to a new session. */
export async function issueAdminToken(email: string, password: string, headers: Headers): Promise<string> {
  const user = await signInWithPassword(email, password, clientAddress({ headers }));
  return issueAccessToken("user", user.id);
}

/** DELETE /admin/auth: ends the session a cookie or bearer token speaks for (an API token has none). */
export async function endAdminSessionOf(credentials: AdminCredentials): Promise<void> {
  if (credentials.sessionId) await revokeSession(credentials.sessionId);
}
