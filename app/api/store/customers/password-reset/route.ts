import { clientAddress } from "@/lib/api/customer-auth";
import { passwordResetSchema } from "@/lib/api/customer-validation";
import { storeRoute } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { resetPassword } from "@/lib/customers/password-reset";

export const POST = storeRoute(
  async ({ request, body }) => ({ customer: await resetPassword(parseWith(passwordResetSchema, body), clientAddress(request)) }),
  { idempotent: false },
);
