import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { addLineItemSchema, parseWith } from "@/lib/api/validation";
import { addLineItem } from "@/lib/commerce/line-items";

const add = cartRoute<{ id: string }>("id", async ({ params, body }) => ({
  cart: await addLineItem(params.id, parseWith(addLineItemSchema, body)),
}));

export const { GET, POST, DELETE } = routeMethods({ POST: add });
