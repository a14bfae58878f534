import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith, updatePaymentSessionSchema } from "@/lib/api/validation";
import { deletePaymentSession, updatePaymentSession } from "@/lib/commerce/payment-sessions";

type Params = { id: string; provider_id: string };

const update = cartRoute<Params>("id", async ({ params, body }) => ({
  cart: await updatePaymentSession(params.id, params.provider_id, parseWith(updatePaymentSessionSchema, body).data),
}));

const remove = cartRoute<Params>("id", async ({ params, body }) => {
  parseWith(emptySchema, body);
  return { cart: await deletePaymentSession(params.id, params.provider_id) };
});

export const { GET, POST, DELETE } = routeMethods({ POST: update, DELETE: remove });
