// Ask for a password reset email. 204 whether or not the email has an account (Medusa v1's answer).
import { customerRoute } from "@/lib/api/customer-auth";
import { clientAddress } from "@/lib/http/client-address";
import { passwordTokenSchema } from "@/lib/api/customer-validation";
import { JsonAnswer, routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { requestPasswordReset } from "@/lib/customers/password-reset";

const requestResetRoute = customerRoute(
  async ({ request, body }) => {
    await requestPasswordReset(parseWith(passwordTokenSchema, body).email, clientAddress(request));
    return new JsonAnswer(204, null);
  },
);

export const { GET, POST, DELETE } = routeMethods({ POST: requestResetRoute });
