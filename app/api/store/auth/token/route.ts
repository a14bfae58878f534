// A bearer token for clients without cookies (medusa-js auth.getToken → {access_token}).
import { customerRoute } from "@/lib/api/customer-auth";
import { clientAddress } from "@/lib/http/client-address";
import { credentialsSchema } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { issueCustomerToken } from "@/lib/customers/accounts";

const issueTokenRoute = customerRoute(
  async ({ request, body }) => issueCustomerToken(parseWith(credentialsSchema, body), clientAddress(request)),
);

export const { GET, POST, DELETE } = routeMethods({ POST: issueTokenRoute });
