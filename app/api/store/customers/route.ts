// Registration (medusa-js customers.create): the new account is signed in at once, as in Medusa v1.
import { customerRoute, sessionCookie } from "@/lib/api/customer-auth";
import { clientAddress } from "@/lib/http/client-address";
import { registerSchema } from "@/lib/api/customer-validation";
import { JsonAnswer, routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { registerCustomer } from "@/lib/customers/accounts";

const registerRoute = customerRoute(
  async ({ request, body }) => {
    const { customer, sessionToken, expiresAt } = await registerCustomer(parseWith(registerSchema, body), clientAddress(request));
    return new JsonAnswer(200, { customer }, { "set-cookie": sessionCookie(request, sessionToken, expiresAt) });
  },
);

export const { GET, POST, DELETE } = routeMethods({ POST: registerRoute });
