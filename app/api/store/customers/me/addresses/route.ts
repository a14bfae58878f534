import { customerRoute, requireCustomer } from "@/lib/api/customer-auth";
import { addAddressSchema } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { addCustomerAddress } from "@/lib/customers/addresses";

const addAddressRoute = customerRoute(
  async ({ request, body }) => {
    const { customerId } = await requireCustomer(request);
    return { customer: await addCustomerAddress(customerId, parseWith(addAddressSchema, body).address) };
  },
);

export const { GET, POST, DELETE } = routeMethods({ POST: addAddressRoute });
