// Sign in with a session cookie (medusa-js auth.authenticate / getSession / deleteSession).
import { clearedSessionCookie, customerRoute, endCustomerSession, requireCustomer, sessionCookie } from "@/lib/api/customer-auth";
import { clientAddress } from "@/lib/http/client-address";
import { credentialsSchema } from "@/lib/api/customer-validation";
import { JsonAnswer, routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { retrieveCustomer, signIn } from "@/lib/customers/accounts";

const signInRoute = customerRoute(
  async ({ request, body }) => {
    const { customer, sessionToken, expiresAt } = await signIn(parseWith(credentialsSchema, body), clientAddress(request));
    return new JsonAnswer(200, { customer }, { "set-cookie": sessionCookie(request, sessionToken, expiresAt) });
  },
);

const currentSessionRoute = customerRoute(async ({ request }) => ({ customer: await retrieveCustomer((await requireCustomer(request)).customerId) }));

const signOutRoute = customerRoute(
  async ({ request }) => {
    await endCustomerSession(request);
    return new JsonAnswer(200, {}, { "set-cookie": clearedSessionCookie(request) });
  },
);

export const { GET, POST, DELETE } = routeMethods({ POST: signInRoute, GET: currentSessionRoute, DELETE: signOutRoute });
