// Customer accounts: register, sign in, read and change one's own profile. Emails are compared
// in lower case. One Customer row per email: a guest checkout makes it, registering turns it into
// an account, and the guest orders it already had stay out of the account until claimed
// (lib/customers/customer-orders.ts), so registering with someone else's email shows nothing.
import { hashPassword, needsRehash, verifyPassword } from "../auth/passwords";
import { createSession } from "../auth/sessions";
import { issueAccessToken } from "../auth/access-tokens";
import { db, isUniqueConstraintError } from "../db/client";
import { newId } from "../commerce/ids";
import { notAllowed, StoreError, unauthorized } from "../commerce/errors";
import { recordEvent } from "../events/outbox";
import { enforceRateLimits, LIMITS } from "./rate-limits";
import { customerInclude, serializeCustomer, type StoreCustomer } from "./serialize";

export type RegisterInput = { email: string; password: string; first_name: string; last_name: string; phone?: string | null };

export type Credentials = { email: string; password: string };

export type UpdateCustomerInput = {
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string | null;
  password?: string;
  metadata?: Record<string, unknown> | null;
};

export type SignedIn = { customer: StoreCustomer; sessionToken: string; expiresAt: Date };

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

export async function retrieveCustomer(customerId: string): Promise<StoreCustomer> {
  const customer = await db().customer.findUnique({ where: { id: customerId }, include: customerInclude });
  // A session whose customer is gone (or never had an account) speaks for nobody.
  if (!customer?.hasAccount) throw unauthorized();
  return serializeCustomer(customer);
}

/**
 * Makes an account and signs it in (Medusa v1 answers a registration with the customer and a
 * session). A guest row of the same email becomes the account; its guest orders stay hidden.
 */
export async function registerCustomer(input: RegisterInput, clientAddress: string): Promise<SignedIn> {
  await enforceRateLimits([{ key: `store-register:address:${clientAddress}`, limit: LIMITS.registerPerAddress }]);
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const profile = { firstName: input.first_name, lastName: input.last_name, phone: input.phone ?? null, passwordHash, hasAccount: true };
  const taken = () => new StoreError("duplicate_error", "A customer with the given email already has an account. Log in instead", "account_exists");
  const customerId = await db()
    .$transaction(async (tx) => {
      const existing = await tx.customer.findUnique({ where: { email } });
      let id: string;
      if (existing) {
        const converted = await tx.customer.updateMany({ where: { id: existing.id, hasAccount: false }, data: profile });
        if (converted.count === 0) throw taken();
        id = existing.id;
      } else {
        id = newId("customer");
        await tx.customer.create({ data: { id, email, ...profile } });
      }
      await recordEvent(tx, { name: "customer.created", resourceId: id, data: { email } });
      return id;
    })
    .catch((error: unknown) => {
      if (isUniqueConstraintError(error)) throw taken();
      throw error;
    });
  return startSession(customerId);
}

/** The account these credentials open, or a 401 that does not say which part was wrong. */
async function authenticate({ email, password }: Credentials, clientAddress: string): Promise<string> {
  const normalized = normalizeEmail(email);
  const attempt = await enforceRateLimits([
    { key: `store-sign-in:email:${normalized}`, limit: LIMITS.signInPerEmail },
    { key: `store-sign-in:address:${clientAddress}`, limit: LIMITS.signInPerAddress },
  ]);
  const customer = await db().customer.findUnique({ where: { email: normalized } });
  const stored = customer?.hasAccount ? customer.passwordHash : null;
  // verifyPassword spends the same time when there is no account, so timing tells nothing.
  if (!(await verifyPassword(password, stored)) || !customer || !stored) throw unauthorized("Wrong email or password");
  await attempt.succeeded();
  if (needsRehash(stored)) {
    await db().customer.update({ where: { id: customer.id }, data: { passwordHash: await hashPassword(password) } });
  }
  return customer.id;
}

async function startSession(customerId: string): Promise<SignedIn> {
  const session = await createSession("customer", customerId);
  return { customer: await retrieveCustomer(customerId), sessionToken: session.token, expiresAt: session.expiresAt };
}

/** POST /store/auth: a session for the cookie. */
export async function signIn(credentials: Credentials, clientAddress: string): Promise<SignedIn> {
  return startSession(await authenticate(credentials, clientAddress));
}

/** POST /store/auth/token: a bearer token bound to a fresh session. */
export async function issueCustomerToken(credentials: Credentials, clientAddress: string): Promise<{ access_token: string }> {
  const customerId = await authenticate(credentials, clientAddress);
  return { access_token: await issueAccessToken("customer", customerId) };
}

/** GET /store/auth/:email. Medusa's API tells whether an email has an account; so does this one (README). */
export async function accountExists(email: string, clientAddress: string): Promise<{ exists: boolean }> {
  await enforceRateLimits([{ key: `store-sign-in:address:${clientAddress}`, limit: LIMITS.signInPerAddress }]);
  const customer = await db().customer.findUnique({ where: { email: normalizeEmail(email) }, select: { hasAccount: true } });
  return { exists: Boolean(customer?.hasAccount) };
}

/** POST /store/customers/me. A new password ends every other session of the account. */
export async function updateCustomer(customerId: string, currentSessionId: string, input: UpdateCustomerInput): Promise<StoreCustomer> {
  const current = await retrieveCustomer(customerId);
  if (input.email !== undefined && normalizeEmail(input.email) !== current.email) {
    throw notAllowed("The email of an account cannot be changed", "email_change_unsupported");
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  await db().$transaction(async (tx) => {
    await tx.customer.update({
      where: { id: customerId },
      data: {
        firstName: input.first_name,
        lastName: input.last_name,
        phone: input.phone,
        passwordHash,
        metadataJson: input.metadata === undefined ? undefined : input.metadata === null ? null : JSON.stringify(input.metadata),
      },
    });
    if (passwordHash) {
      await tx.authSession.updateMany({
        where: { actorType: "customer", actorId: customerId, revokedAt: null, id: { not: currentSessionId } },
        data: { revokedAt: new Date() },
      });
    }
  });
  return retrieveCustomer(customerId);
}
