// Rate limits that hold across app instances: a counter per key and time window, kept in the
// database and incremented by one atomic statement (INSERT … ON CONFLICT … RETURNING, which
// SQLite and Postgres both speak), so concurrent requests on several instances count once each.
// The window slides: the previous window's count still weighs in proportion to how much of it
// overlaps the last `windowMs`, so attempts made just before a window boundary are not forgotten
// just after it (a fixed window would allow twice the limit across a boundary).
import { db } from "../db/client";

export type RateLimit = { limit: number; windowMs: number };

export type RateLimitResult = { allowed: boolean; remaining: number; retryAfterSeconds: number };

/**
 * Counts one attempt for `key` (e.g. "store-sign-in:email:ann@example.com") and says whether it is
 * within `limit` attempts per window. Attempts over the limit are counted too, so hammering does
 * not reopen the window early.
 */
export async function consumeRateLimit(key: string, { limit, windowMs }: RateLimit, now = Date.now()): Promise<RateLimitResult> {
  const windowStart = Math.floor(now / windowMs) * windowMs;
  const bucket = `${key}@${windowStart}`;
  // Kept through the next window, where it is the previous one.
  const expiresAt = new Date(windowStart + 2 * windowMs);
  const rows = await db().$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "expiresAt") VALUES (${bucket}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const previous = await db().rateLimitBucket.findUnique({ where: { key: `${key}@${windowStart - windowMs}` }, select: { count: true } });
  if (Math.random() < 0.01) void forgetExpiredBuckets(now);
  return slidingWindowResult({ count, previousCount: previous?.count ?? 0, limit, windowMs, elapsedMs: now - windowStart });
}

/**
 * The pure rule: attempts in the current window plus the previous window's, weighted by how much
 * of it still lies within the last `windowMs`; and how long until that estimate is within the limit.
 */
export function slidingWindowResult(input: { count: number; previousCount: number; limit: number; windowMs: number; elapsedMs: number }): RateLimitResult {
  const { count, previousCount, limit, windowMs, elapsedMs } = input;
  const overlap = 1 - elapsedMs / windowMs;
  const estimate = count + previousCount * overlap;
  let waitMs = 0;
  if (estimate > limit) {
    // The next attempt adds one. Within this window it fits once the previous window's share is
    // at most limit - count - 1; if this window alone leaves no room, in the next window, where
    // this count is the previous one and fades the same way.
    const roomNow = limit - count - 1;
    waitMs =
      roomNow >= 0 && previousCount > 0
        ? Math.max(0, (1 - roomNow / previousCount) * windowMs - elapsedMs)
        : windowMs - elapsedMs + Math.max(0, (1 - (limit - 1) / count) * windowMs);
  }
  return {
    allowed: estimate <= limit,
    remaining: Math.max(0, Math.floor(limit - estimate)),
    retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
  };
}

/**
 * Takes back one attempt counted by consumeRateLimit (e.g. a sign-in that turned out to be the
 * right password: limits on guessing count the wrong ones).
 */
export async function giveBackAttempt(key: string, { windowMs }: RateLimit, now = Date.now()): Promise<void> {
  const bucket = `${key}@${Math.floor(now / windowMs) * windowMs}`;
  await db().$executeRaw`UPDATE "RateLimitBucket" SET "count" = "count" - 1 WHERE "key" = ${bucket} AND "count" > 0`;
}

async function forgetExpiredBuckets(now: number) {
  await db()
    .rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } })
    .catch((error: unknown) => console.error("rate-limit: could not forget expired buckets", error));
}
