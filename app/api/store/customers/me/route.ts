import { requireCustomer } from "@/lib/api/customer-auth";
import { updateCustomerSchema } from "@/lib/api/customer-validation";
import { storeRoute } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { retrieveCustomer, updateCustomer } from "@/lib/customers/accounts";

export const GET = storeRoute(async ({ request }) => ({ customer: await retrieveCustomer((await requireCustomer(request)).customerId) }), {
  idempotent: false,
});

export const POST = storeRoute(
  async ({ request, body }) => {
    const { customerId, sessionId } = await requireCustomer(request);
    return { customer: await updateCustomer(customerId, sessionId, parseWith(updateCustomerSchema, body)) };
  },
  { idempotent: false },
);
