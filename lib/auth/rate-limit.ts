// Rate limits that hold across app instances: a counter per key and fixed time window, kept in
// the database and incremented by one atomic statement (INSERT … ON CONFLICT … RETURNING, which
// SQLite and Postgres both speak), so concurrent requests on several instances count once each.
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
  const expiresAt = new Date(windowStart + windowMs);
  const rows = await db().$queryRaw<{ count: number | bigint }[]>`
    INSERT INTO "RateLimitBucket" ("key", "count", "expiresAt") VALUES (${bucket}, 1, ${expiresAt})
    ON CONFLICT ("key") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  if (Math.random() < 0.01) void forgetExpiredBuckets(now);
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + windowMs - now) / 1000)),
  };
}

async function forgetExpiredBuckets(now: number) {
  await db()
    .rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } })
    .catch((error: unknown) => console.error("rate-limit: could not forget expired buckets", error));
}
