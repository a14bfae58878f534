// Confirm a claim with the emailed token (medusa-js orders.confirmRequest).
import { requireCustomer } from "@/lib/api/customer-auth";
import { claimConfirmSchema } from "@/lib/api/customer-validation";
import { storeRoute } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { confirmOrderClaim } from "@/lib/customers/customer-orders";

export const POST = storeRoute(
  async ({ request, body }) => confirmOrderClaim((await requireCustomer(request)).customerId, parseWith(claimConfirmSchema, body).token),
  { idempotent: false },
);
