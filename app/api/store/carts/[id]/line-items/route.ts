import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { addLineItemSchema, parseWith } from "@/lib/api/validation";
import { addLineItem } from "@/lib/commerce/line-items";

const add = storeRoute<{ id: string }>(async ({ params, body }) => ({
  cart: await addLineItem(params.id, parseWith(addLineItemSchema, body)),
}));

export const { GET, POST, DELETE } = routeMethods({ POST: add });
