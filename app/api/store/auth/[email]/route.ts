// Whether an email has an account (medusa-js auth.exists). Medusa's API reveals this; see README.
import { customerRoute } from "@/lib/api/customer-auth";
import { clientAddress } from "@/lib/http/client-address";
import { routeMethods } from "@/lib/api/store-route";
import { accountExists } from "@/lib/customers/accounts";

const emailExistsRoute = customerRoute<{ email: string }>(async ({ request, params }) => accountExists(params.email, clientAddress(request)));

export const { GET, POST, DELETE } = routeMethods({ GET: emailExistsRoute });
