// A bearer token for clients without cookies (medusa-js auth.getToken → {access_token}).
import { clientAddress } from "@/lib/api/customer-auth";
import { credentialsSchema } from "@/lib/api/customer-validation";
import { storeRoute } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { issueCustomerToken } from "@/lib/customers/accounts";

export const POST = storeRoute(
  async ({ request, body }) => issueCustomerToken(parseWith(credentialsSchema, body), clientAddress(request)),
  { idempotent: false },
);
