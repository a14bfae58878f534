// How often a shopper may try to sign in, ask for a reset or look up an order. Limits count per
// email (guessing one account's password from many addresses) and per client address (trying
// many emails from one place); both must hold. Counters live in the database (lib/auth/rate-limit),
// so they hold across app instances.
import { consumeRateLimit, giveBackAttempt, type RateLimit } from "../auth/rate-limit";
import { tooManyRequests } from "../commerce/errors";

const MINUTE = 60_000;

export const LIMITS = {
  signInPerEmail: { limit: 10, windowMs: 15 * MINUTE },
  signInPerAddress: { limit: 50, windowMs: 15 * MINUTE },
  resetRequestPerEmail: { limit: 5, windowMs: 60 * MINUTE },
  resetRequestPerAddress: { limit: 20, windowMs: 60 * MINUTE },
  resetAttemptPerAddress: { limit: 20, windowMs: 15 * MINUTE },
  registerPerAddress: { limit: 20, windowMs: 60 * MINUTE },
  orderLookupPerAddress: { limit: 30, windowMs: 15 * MINUTE },
  claimRequestPerCustomer: { limit: 5, windowMs: 60 * MINUTE },
} satisfies Record<string, RateLimit>;

/**
 * Counts one attempt against every given limit; refuses (429) when any is exceeded. `succeeded()`
 * takes the attempt back where only failures should count (a sign-in with the right password is
 * not a guess, so a busy merchant or shopper never locks themselves out).
 */
export async function enforceRateLimits(checks: { key: string; limit: RateLimit }[]): Promise<{ succeeded(): Promise<void> }> {
  let refusedFor = 0;
  for (const check of checks) {
    const result = await consumeRateLimit(check.key, check.limit);
    if (!result.allowed) refusedFor = Math.max(refusedFor, result.retryAfterSeconds);
  }
  if (refusedFor > 0) throw tooManyRequests(refusedFor);
  return {
    succeeded: async () => {
      for (const check of checks) await giveBackAttempt(check.key, check.limit);
    },
  };
}
