import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith, updateLineItemSchema } from "@/lib/api/validation";
import { deleteLineItem, updateLineItem } from "@/lib/commerce/line-items";

type Params = { id: string; line_id: string };

const update = cartRoute<Params>("id", async ({ params, body }) => ({
  cart: await updateLineItem(params.id, params.line_id, parseWith(updateLineItemSchema, body)),
}));

const remove = cartRoute<Params>("id", async ({ params, body }) => {
  parseWith(emptySchema, body);
  return { cart: await deleteLineItem(params.id, params.line_id) };
});

export const { GET, POST, DELETE } = routeMethods({ POST: update, DELETE: remove });
