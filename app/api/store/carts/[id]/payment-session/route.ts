import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith, selectPaymentSessionSchema } from "@/lib/api/validation";
import { setPaymentSession } from "@/lib/commerce/payment-sessions";

const select = cartRoute<{ id: string }>("id", async ({ params, body }) => ({
  cart: await setPaymentSession(params.id, parseWith(selectPaymentSessionSchema, body).provider_id),
}));

export const { GET, POST, DELETE } = routeMethods({ POST: select });
