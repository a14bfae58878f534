import { requireCustomer } from "@/lib/api/customer-auth";
import { updateAddressSchema } from "@/lib/api/customer-validation";
import { storeRoute } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { deleteCustomerAddress, updateCustomerAddress } from "@/lib/customers/addresses";

export const POST = storeRoute<{ address_id: string }>(
  async ({ request, params, body }) => {
    const { customerId } = await requireCustomer(request);
    return { customer: await updateCustomerAddress(customerId, params.address_id, parseWith(updateAddressSchema, body)) };
  },
  { idempotent: false },
);

export const DELETE = storeRoute<{ address_id: string }>(
  async ({ request, params }) => ({ customer: await deleteCustomerAddress((await requireCustomer(request)).customerId, params.address_id) }),
  { idempotent: false },
);
