// The sliding-window rule of lib/auth/rate-limit.ts: attempts just before a window boundary still
// count just after it, and the wait it announces is when an attempt would be allowed again.
import assert from "node:assert/strict";
import { test } from "node:test";
import { slidingWindowResult } from "../../lib/auth/rate-limit";

const MINUTE = 60_000;
const limit = 10;
const windowMs = 15 * MINUTE;

test("10 attempts just before a boundary still block the 11th just after it", () => {
  const result = slidingWindowResult({ count: 1, previousCount: 10, limit, windowMs, elapsedMs: 1_000 });
  assert.equal(result.allowed, false);
  assert.ok(result.retryAfterSeconds > 0);
});

test("within the limit in one window is allowed, with the right remaining count", () => {
  assert.deepEqual(slidingWindowResult({ count: 4, previousCount: 0, limit, windowMs, elapsedMs: 5 * MINUTE }), { allowed: true, remaining: 6, retryAfterSeconds: 1 });
});

test("the previous window's weight fades: late in the window its attempts barely count", () => {
  const result = slidingWindowResult({ count: 2, previousCount: 10, limit, windowMs, elapsedMs: 14 * MINUTE });
  assert.equal(result.allowed, true);
});

test("the announced wait is long enough: an attempt then is allowed", () => {
  for (const [count, previousCount, elapsedMs] of [[1, 10, 1_000], [3, 12, 5 * MINUTE], [11, 0, 2 * MINUTE], [12, 20, 10 * MINUTE]]) {
    const refused = slidingWindowResult({ count, previousCount, limit, windowMs, elapsedMs });
    assert.equal(refused.allowed, false, `refused at ${count}/${previousCount}`);
    const later = elapsedMs + refused.retryAfterSeconds * 1000;
    // After the wait, in the same or the next window, one more attempt fits.
    const next =
      later < windowMs
        ? slidingWindowResult({ count: count + 1, previousCount, limit, windowMs, elapsedMs: later })
        : slidingWindowResult({ count: 1, previousCount: count, limit, windowMs, elapsedMs: later - windowMs });
    assert.equal(next.allowed, true, `allowed after ${refused.retryAfterSeconds} s at ${count}/${previousCount}`);
  }
});
