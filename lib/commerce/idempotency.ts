// Idempotent requests: a client that retries a request with the same Idempotency-Key gets the
// first answer again instead of a second effect. A key is valid for one route and resource (its
// scope, e.g. "POST /store/carts/cart_1/complete"), never elsewhere, and for one request body.
// While the first request runs, a retry is told to come back (409, which clients retry). The
// running request renews its lock every second; a lock not renewed for a few seconds belongs to a
// process that died, and the next retry takes the key over, well within medusa-js's retries
// (about 0.5 s, 2 s and 5.5 s after the failure).
import { createHash } from "node:crypto";
import { db, isUniqueConstraintError } from "../db/client";
import { conflict, invalidData, StoreError } from "./errors";
import { newId } from "./ids";

export type StoredResponse = { status: number; body: unknown };

/** How often a running request renews its lock, and after how long without renewal it is dead. */
const LOCK_RENEW_EVERY_MS = 1_000;
const LOCK_TIMEOUT_MS = 4_000;
/** Clients retry within seconds or minutes; after a day a key is forgotten. */
const KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** About one new key in this many also sweeps out expired ones, so no job is needed for it. */
const SWEEP_EVERY = 200;

export function hashRequest(scope: string, body: string): string {
  return createHash("sha256").update(scope).update("\n").update(body).digest("hex");
}

export async function runIdempotently(
  request: { key: string; scope: string; requestHash: string },
  execute: () => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const id = await acquireKey(request);
  if (typeof id !== "string") return { ...id, replayed: true };

  let response: StoredResponse;
  const stopRenewing = renewLockWhileRunning(id);
  try {
    response = await execute();
  } catch (error) {
    stopRenewing();
    // A client error is the answer to this request and is kept; a conflict or a crash is not,
    // so the retry runs the request again.
    if (error instanceof StoreError && error.status < 500 && error.status !== 409) {
      response = { status: error.status, body: error.toJSON() };
      await storeResponse(id, response);
    } else {
      await db().idempotencyKey.delete({ where: { id } }).catch(() => undefined);
    }
    throw error;
  }
  stopRenewing();
  if (response.status >= 500 || response.status === 409) await db().idempotencyKey.delete({ where: { id } }).catch(() => undefined);
  else await storeResponse(id, response);
  return { ...response, replayed: false };
}

/** Keeps the lock fresh while the request runs; returns the function that stops it. */
function renewLockWhileRunning(id: string): () => void {
  const timer = setInterval(() => {
    db()
      .idempotencyKey.updateMany({ where: { id, responseCode: null }, data: { lockedAt: new Date() } })
      .catch(() => undefined); // a missed renewal only lets a retry in a little earlier
  }, LOCK_RENEW_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

async function storeResponse(id: string, response: StoredResponse) {
  await db().idempotencyKey.update({
    where: { id },
    data: { responseCode: response.status, responseBody: JSON.stringify(response.body), lockedAt: null },
  });
}

/** Returns the new key row's id to run the request, or the stored response to replay. */
async function acquireKey(request: { key: string; scope: string; requestHash: string }): Promise<string | StoredResponse> {
  const now = new Date();
  const id = newId("idempotencyKey");
  if (Math.random() * SWEEP_EVERY < 1) {
    await db().idempotencyKey.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEY_LIFETIME_MS) } } });
  }
  try {
    await db().idempotencyKey.create({ data: { id, key: request.key, scope: request.scope, requestHash: request.requestHash, lockedAt: now } });
    return id;
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
  }
  const existing = await db().idempotencyKey.findUnique({ where: { key_scope: { key: request.key, scope: request.scope } } });
  if (!existing) throw conflict("A request with this Idempotency-Key is in progress; try again");
  if (existing.requestHash !== request.requestHash) {
    throw invalidData("This Idempotency-Key was already used for a different request", "idempotency_key_reused");
  }
  if (existing.responseCode !== null && existing.responseBody !== null) {
    return { status: existing.responseCode, body: JSON.parse(existing.responseBody) };
  }
  const stale = new Date(now.getTime() - LOCK_TIMEOUT_MS);
  const takenOver = await db().idempotencyKey.updateMany({
    where: { id: existing.id, responseCode: null, lockedAt: { lt: stale } },
    data: { lockedAt: now },
  });
  if (takenOver.count === 1) return existing.id;
  throw conflict("A request with this Idempotency-Key is in progress; try again");
}
