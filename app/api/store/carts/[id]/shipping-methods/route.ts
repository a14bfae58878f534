import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { addShippingMethodSchema, parseWith } from "@/lib/api/validation";
import { addShippingMethod } from "@/lib/commerce/shipping-options";

const add = cartRoute<{ id: string }>("id", async ({ params, body }) => ({
  cart: await addShippingMethod(params.id, parseWith(addShippingMethodSchema, body)),
}));

export const { GET, POST, DELETE } = routeMethods({ POST: add });
