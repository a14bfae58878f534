import { customerRoute, requireCustomer } from "@/lib/api/customer-auth";
import { updateAddressSchema } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { deleteCustomerAddress, updateCustomerAddress } from "@/lib/customers/addresses";

const updateAddressRoute = customerRoute<{ address_id: string }>(
  async ({ request, params, body }) => {
    const { customerId } = await requireCustomer(request);
    return { customer: await updateCustomerAddress(customerId, params.address_id, parseWith(updateAddressSchema, body)) };
  },
);

const deleteAddressRoute = customerRoute<{ address_id: string }>(
  async ({ request, params }) => ({ customer: await deleteCustomerAddress((await requireCustomer(request)).customerId, params.address_id) }),
);

export const { GET, POST, DELETE } = routeMethods({ POST: updateAddressRoute, DELETE: deleteAddressRoute });
