import { customerRoute, requireCustomer } from "@/lib/api/customer-auth";
import { updateCustomerSchema } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { retrieveCustomer, updateCustomer } from "@/lib/customers/accounts";

const retrieveProfileRoute = customerRoute(async ({ request }) => ({ customer: await retrieveCustomer((await requireCustomer(request)).customerId) }));

const updateProfileRoute = customerRoute(
  async ({ request, body }) => {
    const { customerId, sessionId } = await requireCustomer(request);
    return { customer: await updateCustomer(customerId, sessionId, parseWith(updateCustomerSchema, body)) };
  },
);

export const { GET, POST, DELETE } = routeMethods({ GET: retrieveProfileRoute, POST: updateProfileRoute });
