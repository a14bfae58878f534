// Confirm a claim with the emailed token (medusa-js orders.confirmRequest).
import { customerRoute, requireCustomer } from "@/lib/api/customer-auth";
import { claimConfirmSchema } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { confirmOrderClaim } from "@/lib/customers/customer-orders";

const confirmClaimRoute = customerRoute(
  async ({ request, body }) => confirmOrderClaim((await requireCustomer(request)).customerId, parseWith(claimConfirmSchema, body).token),
);

export const { GET, POST, DELETE } = routeMethods({ POST: confirmClaimRoute });
