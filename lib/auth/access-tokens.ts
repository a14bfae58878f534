// Bearer tokens (JWT, HS256) for clients that cannot keep cookies: medusa-js's `auth.getToken` and
// `admin.auth.getToken`. A token names a session row (`sid`), so signing out or an expired session
// ends the token too, on every instance. The signing key is AUTH_TOKEN_SECRET when set, otherwise a
// random key made once and kept in the database, so every instance of one store shares it.
import { randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { db, isUniqueConstraintError } from "../db/client";
import { createSession, findSessionActor, SESSION_TTL_MS, type ActorType } from "./sessions";

const SECRET_SETTING = "auth_token_secret";
let signingKey: Promise<Uint8Array> | undefined;

async function loadSigningKey(): Promise<Uint8Array> {
  const configured = process.env.AUTH_TOKEN_SECRET;
  if (configured) return new TextEncoder().encode(configured);
  const existing = await db().setting.findUnique({ where: { key: SECRET_SETTING } });
  if (existing) return Buffer.from(existing.value, "base64url");
  const value = randomBytes(32).toString("base64url");
  try {
    await db().setting.create({ data: { key: SECRET_SETTING, value } });
    return Buffer.from(value, "base64url");
  } catch (error) {
    // Another instance made it first: use theirs.
    if (!isUniqueConstraintError(error)) throw error;
    const winner = await db().setting.findUniqueOrThrow({ where: { key: SECRET_SETTING } });
    return Buffer.from(winner.value, "base64url");
  }
}

const key = () => (signingKey ??= loadSigningKey().catch((error: unknown) => {
  signingKey = undefined;
  throw error;
}));

/** Starts a session for the actor and returns a bearer token for it. */
export async function issueAccessToken(actorType: ActorType, actorId: string): Promise<string> {
  const session = await createSession(actorType, actorId, SESSION_TTL_MS);
  return new SignJWT({ typ: actorType })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(actorId)
    .setJti(session.sessionId)
    .setIssuedAt()
    .setExpirationTime(Math.floor(session.expiresAt.getTime() / 1000))
    .sign(await key());
}

/** The actor a bearer token speaks for, or null (bad signature, expired, wrong type, signed out). */
export async function verifyAccessToken(token: string, actorType: ActorType): Promise<{ actorId: string; sessionId: string } | null> {
  try {
    const { payload } = await jwtVerify(token, await key(), { algorithms: ["HS256"] });
    if (payload.typ !== actorType || typeof payload.jti !== "string" || typeof payload.sub !== "string") return null;
    const actorId = await findSessionActor(payload.jti, actorType);
    return actorId === payload.sub ? { actorId, sessionId: payload.jti } : null;
  } catch {
    return null;
  }
}
