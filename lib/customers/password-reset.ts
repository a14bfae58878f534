// Forgotten passwords, in two steps:
//   1. a reset is requested for an email: when it has an account, a single-use token (30 minutes)
//      is made and the customer.password_reset event that emails it is recorded in the same
//      transaction. The answer is the same whether or not the email has an account.
//   2. the token, the email and a new password come back: the token is used up, the password
//      replaced, every session of the account ended and every other reset token retired.
import { hashPassword } from "../auth/passwords";
import { db } from "../db/client";
import { unauthorized } from "../commerce/errors";
import { recordEvent } from "../events/outbox";
import { normalizeEmail, retrieveCustomer } from "./accounts";
import { createOneTimeToken, retireTokens, useOneTimeToken } from "./one-time-tokens";
import { enforceRateLimits, LIMITS } from "./rate-limits";
import type { StoreCustomer } from "./serialize";

export const RESET_TOKEN_TTL_MS = 30 * 60_000;

export async function requestPasswordReset(email: string, clientAddress: string): Promise<void> {
  const normalized = normalizeEmail(email);
  await enforceRateLimits([
    { key: `store-reset-request:email:${normalized}`, limit: LIMITS.resetRequestPerEmail },
    { key: `store-reset-request:address:${clientAddress}`, limit: LIMITS.resetRequestPerAddress },
  ]);
  const customer = await db().customer.findUnique({ where: { email: normalized } });
  if (!customer?.hasAccount) return;
  // The token goes out only in the reset email (the event's subscriber), never to a log.
  await db().$transaction(async (tx) => {
    const made = await createOneTimeToken(tx, { purpose: "password_reset", customerId: customer.id, email: normalized, ttlMs: RESET_TOKEN_TTL_MS });
    await recordEvent(tx, {
      name: "customer.password_reset",
      resourceId: customer.id,
      data: { email: normalized, token: made.token, expires_at: made.expiresAt.toISOString() },
    });
  });
}

export async function resetPassword(
  input: { email: string; token: string; password: string },
  clientAddress: string,
): Promise<StoreCustomer> {
  await enforceRateLimits([{ key: `store-reset:address:${clientAddress}`, limit: LIMITS.resetAttemptPerAddress }]);
  const passwordHash = await hashPassword(input.password);
  const customerId = await db().$transaction(async (tx) => {
    const used = await useOneTimeToken(tx, input.token, "password_reset", { email: normalizeEmail(input.email) });
    if (!used) throw unauthorized("The reset link is invalid or has expired; ask for a new one");
    await tx.customer.update({ where: { id: used.customerId }, data: { passwordHash } });
    await retireTokens(tx, used.customerId, "password_reset");
    await tx.authSession.updateMany({
      where: { actorType: "customer", actorId: used.customerId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    return used.customerId;
  });
  return retrieveCustomer(customerId);
}
