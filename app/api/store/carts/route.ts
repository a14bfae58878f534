import { findCustomerId } from "@/lib/api/customer-auth";
import { JsonAnswer, routeMethods, storeRoute } from "@/lib/api/store-route";
import { createCartSchema, parseWith } from "@/lib/api/validation";
import { createCart } from "@/lib/commerce/cart";

const create = storeRoute(async ({ request, body }) => {
  const { sales_channel_id: _ignored, ...input } = parseWith(createCartSchema, body);
  return new JsonAnswer(200, { cart: await createCart(input, { customerId: await findCustomerId(request) }) });
});

export const { GET, POST, DELETE } = routeMethods({ POST: create });
