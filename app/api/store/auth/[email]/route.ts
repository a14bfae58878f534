// Whether an email has an account (medusa-js auth.exists). Medusa's API reveals this; see README.
import { clientAddress } from "@/lib/api/customer-auth";
import { storeRoute } from "@/lib/api/store-route";
import { accountExists } from "@/lib/customers/accounts";

export const GET = storeRoute<{ email: string }>(async ({ request, params }) => accountExists(params.email, clientAddress(request)));
