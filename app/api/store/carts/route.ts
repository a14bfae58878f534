import { JsonAnswer, routeMethods, storeRoute } from "@/lib/api/store-route";
import { createCartSchema, parseWith } from "@/lib/api/validation";
import { createCart } from "@/lib/commerce/cart";

const create = storeRoute(async ({ body }) => {
  const { sales_channel_id: _ignored, ...input } = parseWith(createCartSchema, body);
  return new JsonAnswer(200, { cart: await createCart(input) });
});

export const { GET, POST, DELETE } = routeMethods({ POST: create });
