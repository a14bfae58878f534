import { customerRoute } from "@/lib/api/customer-auth";
import { clientAddress } from "@/lib/http/client-address";
import { passwordResetSchema } from "@/lib/api/customer-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { resetPassword } from "@/lib/customers/password-reset";

const resetRoute = customerRoute(
  async ({ request, body }) => ({ customer: await resetPassword(parseWith(passwordResetSchema, body), clientAddress(request)) }),
);

export const { GET, POST, DELETE } = routeMethods({ POST: resetRoute });
