// Sign in with a session cookie (medusa-js auth.authenticate / getSession / deleteSession).
import { clearedSessionCookie, clientAddress, endCustomerSession, requireCustomer, sessionCookie } from "@/lib/api/customer-auth";
import { credentialsSchema } from "@/lib/api/customer-validation";
import { JsonAnswer, storeRoute } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { retrieveCustomer, signIn } from "@/lib/customers/accounts";

export const POST = storeRoute(
  async ({ request, body }) => {
    const { customer, sessionToken, expiresAt } = await signIn(parseWith(credentialsSchema, body), clientAddress(request));
    return new JsonAnswer(200, { customer }, { "set-cookie": sessionCookie(request, sessionToken, expiresAt) });
  },
  { idempotent: false },
);

export const GET = storeRoute(async ({ request }) => ({ customer: await retrieveCustomer((await requireCustomer(request)).customerId) }), {
  idempotent: false,
});

export const DELETE = storeRoute(
  async ({ request }) => {
    await endCustomerSession(request);
    return new JsonAnswer(200, {}, { "set-cookie": clearedSessionCookie(request) });
  },
  { idempotent: false },
);
