import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { createPaymentSessions } from "@/lib/commerce/payment-sessions";

const create = cartRoute<{ id: string }>("id", async ({ params, body }) => {
  parseWith(emptySchema, body);
  return { cart: await createPaymentSessions(params.id) };
});

export const { GET, POST, DELETE } = routeMethods({ POST: create });
