// Merchants ("users", as Medusa calls them): who may use the back office and the Admin API.
// Passwords are stored as scrypt hashes, API tokens as SHA-256 digests; neither is ever shown.
import { db, isUniqueConstraintError } from "../db/client";
import { hashPassword, needsRehash, verifyPassword } from "../auth/passwords";
import { enforceRateLimits, LIMITS } from "../customers/rate-limits";
import { hashToken } from "../auth/sessions";
import { invalidData, notFound, StoreError } from "../commerce/errors";
import { newId } from "../commerce/ids";
import type { Prisma } from "../db/client";

export type UserRow = Prisma.UserGetPayload<object>;

export const USER_ROLES = ["admin", "member", "developer"] as const;
export const MIN_PASSWORD_LENGTH = 8;

export function serializeUser(user: UserRow) {
  return {
    id: user.id,
    email: user.email,
    first_name: user.firstName,
    last_name: user.lastName,
    role: user.role,
    // Medusa answers with the token; this store keeps only its digest, so it can never be read back.
    api_token: null,
    has_api_token: user.apiTokenHash !== null,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
    deleted_at: null,
    metadata: null,
  };
}

export type AdminUser = ReturnType<typeof serializeUser>;

const normalizeEmail = (email: string) => email.trim().toLowerCase();

function assertPassword(password: string) {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalidData(`The password must have at least ${MIN_PASSWORD_LENGTH} characters`, "password_too_short");
  if (password.length > 1024) throw invalidData("The password must have at most 1024 characters", "password_too_long");
}

/** Creates the user, or sets the password of the one with that email (npm run create-admin). */
export async function createOrUpdateUser(input: { email: string; password: string; role?: string }): Promise<{ user: UserRow; created: boolean }> {
  const email = normalizeEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw invalidData(`"${input.email}" is not an email address`, "invalid_email");
  assertPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email } });
  if (existing) return { user: await db().user.update({ where: { id: existing.id }, data: { passwordHash } }), created: false };
  try {
    const user = await db().user.create({ data: { id: newId("user"), email, passwordHash, role: input.role ?? "admin" } });
    return { user, created: true };
  } catch (error) {
    if (!isUniqueConstraintError(error)) throw error;
    return { user: await db().user.update({ where: { email }, data: { passwordHash } }), created: false };
  }
}

// Sign-in attempts: per email (guessing one merchant's password) and per client address
// (trying many merchants), with the shoppers' limits; over either the answer is 429 (Retry-After)
// before any password is checked.
const invalidCredentials = () => new StoreError("unauthorized", "Wrong email or password", "invalid_credentials");

/** The user with this email and password; the same 401 for a wrong email and a wrong password. */
export async function signInWithPassword(email: string, password: string, clientAddress: string): Promise<UserRow> {
  const normalized = normalizeEmail(email);
  const attempt = await enforceRateLimits([
    { key: `admin-sign-in:email:${normalized}`, limit: LIMITS.signInPerEmail },
    { key: `admin-sign-in:address:${clientAddress}`, limit: LIMITS.signInPerAddress },
  ]);
  const user = await db().user.findUnique({ where: { email: normalized } });
  // Without a user the check runs against a dummy hash: the answer takes as long either way.
  const matches = await verifyPassword(password, user?.passwordHash ?? null);
  if (!user || !matches) throw invalidCredentials();
  await attempt.succeeded();
  if (needsRehash(user.passwordHash)) {
    await db().user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return user;
}

export async function retrieveUser(id: string): Promise<AdminUser> {
  const user = await db().user.findUnique({ where: { id } });
  if (!user) throw notFound("User", id);
  return serializeUser(user);
}

export async function findUser(id: string): Promise<UserRow | null> {
  return db().user.findUnique({ where: { id } });
}

export async function findUserByApiToken(token: string): Promise<UserRow | null> {
  if (token.length < 16 || token.length > 512) return null;
  return db().user.findUnique({ where: { apiTokenHash: hashToken(token) } });
}

/** POST /admin/users/:id: names and the API token (stored as its digest); admins change anyone, others themselves. */
export async function updateUser(
  actor: UserRow,
  userId: string,
  input: { first_name?: string | null; last_name?: string | null; api_token?: string | null; role?: (typeof USER_ROLES)[number] },
): Promise<AdminUser> {
  if (actor.id !== userId && actor.role !== "admin") throw new StoreError("not_allowed", "Only an admin can change another user", "forbidden");
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw notFound("User", userId);
  if (input.role !== undefined && actor.role !== "admin") throw new StoreError("not_allowed", "Only an admin can change roles", "forbidden");
  if (typeof input.api_token === "string" && input.api_token.length < 16) {
    throw invalidData("An API token must have at least 16 characters", "api_token_too_short");
  }
  try {
    const updated = await db().user.update({
      where: { id: userId },
      data: {
        ...(input.first_name !== undefined ? { firstName: input.first_name } : {}),
        ...(input.last_name !== undefined ? { lastName: input.last_name } : {}),
        ...(input.role !== undefined ? { role: input.role } : {}),
        ...(input.api_token !== undefined ? { apiTokenHash: input.api_token === null ? null : hashToken(input.api_token) } : {}),
      },
    });
    return serializeUser(updated);
  } catch (error) {
    if (isUniqueConstraintError(error)) throw invalidData("Choose another API token", "api_token_taken");
    throw error;
  }
}
