import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { codeParamSchema, emptySchema, parseWith } from "@/lib/api/validation";
import { removeGiftCard } from "@/lib/commerce/gift-cards";

type Params = { id: string; code: string };

const remove = storeRoute<Params>(async ({ params, body }) => {
  parseWith(emptySchema, body);
  return { cart: await removeGiftCard(params.id, parseWith(codeParamSchema, params.code)) };
});

export const { GET, POST, DELETE } = routeMethods({ DELETE: remove });
