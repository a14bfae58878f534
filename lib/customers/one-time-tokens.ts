// Single-use, short-lived tokens sent by email (password reset, claim of guest orders). The
// shopper gets the random token; the database keeps only its SHA-256. Using one is a conditional
// update (unused and unexpired → used), so two concurrent uses cannot both succeed.
import { hashToken, newToken } from "../auth/sessions";
import type { DbTransaction } from "../db/client";

export type TokenPurpose = "password_reset" | "order_claim";

export async function createOneTimeToken(
  tx: DbTransaction,
  input: { purpose: TokenPurpose; customerId: string; email: string; ttlMs: number; orderIds?: string[] },
): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(Date.now() + input.ttlMs);
  await tx.customerToken.create({
    data: {
      id: hashToken(token),
      purpose: input.purpose,
      customerId: input.customerId,
      email: input.email,
      orderIdsJson: input.orderIds ? JSON.stringify(input.orderIds) : null,
      expiresAt,
    },
  });
  return { token, expiresAt };
}

export type UsedToken = { customerId: string; email: string; orderIds: string[] };

/**
 * Marks the token used and returns what it was for; null when it is unknown, used, expired, for
 * another purpose, or not for this customer / email (then it stays usable by its rightful owner).
 */
export async function useOneTimeToken(
  tx: DbTransaction,
  token: string,
  purpose: TokenPurpose,
  owner: { customerId?: string; email?: string } = {},
): Promise<UsedToken | null> {
  if (token.length === 0 || token.length > 200) return null;
  const id = hashToken(token);
  const now = new Date();
  const used = await tx.customerToken.updateMany({
    where: { id, purpose, usedAt: null, expiresAt: { gt: now }, ...owner },
    data: { usedAt: now },
  });
  if (used.count !== 1) return null;
  const row = await tx.customerToken.findUniqueOrThrow({ where: { id } });
  return { customerId: row.customerId, email: row.email, orderIds: row.orderIdsJson ? (JSON.parse(row.orderIdsJson) as string[]) : [] };
}

/** Ends the other outstanding tokens of a purpose (a new password makes older reset links useless). */
export async function retireTokens(tx: DbTransaction, customerId: string, purpose: TokenPurpose): Promise<void> {
  await tx.customerToken.updateMany({ where: { customerId, purpose, usedAt: null }, data: { usedAt: new Date() } });
}
