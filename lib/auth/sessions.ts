// Server-side sessions for signed-in merchants ("user") and shoppers ("customer"). The browser
// holds a random token in an httpOnly cookie; the database holds only its SHA-256, so a leaked
// database does not leak live sessions. Signing out revokes the row, which ends the session on
// every instance at once; bearer tokens (lib/auth/access-tokens.ts) point at a session row too.
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db/client";

export type ActorType = "user" | "customer";

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A fresh random token (base64url, 256 bits). */
export const newToken = () => randomBytes(32).toString("base64url");

export async function createSession(actorType: ActorType, actorId: string, ttlMs = SESSION_TTL_MS): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newToken();
  const sessionId = hashToken(token);
  const expiresAt = new Date(Date.now() + ttlMs);
  await db().authSession.create({ data: { id: sessionId, actorType, actorId, expiresAt } });
  return { token, sessionId, expiresAt };
}

/** The actor of a live session (not expired, not revoked) of this type, or null. */
export async function findSessionActor(sessionId: string, actorType: ActorType): Promise<string | null> {
  if (!/^[0-9a-f]{64}$/.test(sessionId)) return null;
  const session = await db().authSession.findUnique({ where: { id: sessionId } });
  if (!session || session.actorType !== actorType || session.revokedAt || session.expiresAt.getTime() <= Date.now()) return null;
  return session.actorId;
}

/** The actor of the session a cookie token names, or null. */
export const findSessionActorByToken = (token: string, actorType: ActorType) => findSessionActor(hashToken(token), actorType);

export async function revokeSession(sessionId: string): Promise<void> {
  await db().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/** Ends every session of an actor, e.g. after a password reset. */
export async function revokeSessionsOf(actorType: ActorType, actorId: string): Promise<void> {
  await db().authSession.updateMany({ where: { actorType, actorId, revokedAt: null }, data: { revokedAt: new Date() } });
}
