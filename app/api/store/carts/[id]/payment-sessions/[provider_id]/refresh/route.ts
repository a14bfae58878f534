import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { refreshPaymentSession } from "@/lib/commerce/payment-sessions";

const refresh = cartRoute<{ id: string; provider_id: string }>("id", async ({ params, body }) => {
  parseWith(emptySchema, body);
  return { cart: await refreshPaymentSession(params.id, params.provider_id) };
});

export const { GET, POST, DELETE } = routeMethods({ POST: refresh });
