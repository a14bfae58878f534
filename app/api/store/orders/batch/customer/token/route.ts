// Ask to bring guest orders into the account (medusa-js orders.requestCustomerOrders): a token
// is emailed to each order's address. Without order_ids: every guest order of the account's email.
import { customerRoute, requireCustomer } from "@/lib/api/customer-auth";
import { claimRequestSchema } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { requestOrderClaim } from "@/lib/customers/customer-orders";

const requestClaimRoute = customerRoute(
  async ({ request, body }) => {
    const { customerId } = await requireCustomer(request);
    await requestOrderClaim(customerId, parseWith(claimRequestSchema, body).order_ids);
    return {};
  },
);

export const { GET, POST, DELETE } = routeMethods({ POST: requestClaimRoute });
