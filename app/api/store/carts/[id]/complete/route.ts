import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { completeCart } from "@/lib/commerce/complete-cart";

const complete = cartRoute<{ id: string }>("id", async ({ params, body }) => {
  parseWith(emptySchema, body);
  return completeCart(params.id);
});

export const { GET, POST, DELETE } = routeMethods({ POST: complete });
