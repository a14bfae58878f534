import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { codeParamSchema, emptySchema, parseWith } from "@/lib/api/validation";
import { removeDiscountCode } from "@/lib/commerce/discounts";

type Params = { id: string; code: string };

/** medusa-js carts.deleteDiscount(cartId, code) */
const remove = storeRoute<Params>(async ({ params, body }) => {
  parseWith(emptySchema, body);
  return { cart: await removeDiscountCode(params.id, parseWith(codeParamSchema, params.code)) };
});

export const { GET, POST, DELETE } = routeMethods({ DELETE: remove });
