import { requireCustomer } from "@/lib/api/customer-auth";
import { addAddressSchema } from "@/lib/api/customer-validation";
import { storeRoute } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { addCustomerAddress } from "@/lib/customers/addresses";

export const POST = storeRoute(
  async ({ request, body }) => {
    const { customerId } = await requireCustomer(request);
    return { customer: await addCustomerAddress(customerId, parseWith(addAddressSchema, body).address) };
  },
  { idempotent: false },
);
