import { storeRoute } from "@/lib/api/store-route";
import { addLineItemSchema, parseWith } from "@/lib/api/validation";
import { addLineItem } from "@/lib/commerce/line-items";

export const POST = storeRoute<{ id: string }>(async ({ params, body }) => ({
  cart: await addLineItem(params.id, parseWith(addLineItemSchema, body)),
}));
