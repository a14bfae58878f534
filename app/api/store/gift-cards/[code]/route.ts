import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { codeParamSchema, parseWith } from "@/lib/api/validation";
import { retrieveGiftCard } from "@/lib/commerce/gift-cards";

/** medusa-js giftCards.retrieve(code) */
const retrieve = storeRoute<{ code: string }>(async ({ params }) => ({
  gift_card: await retrieveGiftCard(parseWith(codeParamSchema, params.code)),
}));

export const { GET, POST, DELETE } = routeMethods({ GET: retrieve });
