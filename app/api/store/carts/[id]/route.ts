import { cartRoute, findCustomerId } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith, updateCartSchema } from "@/lib/api/validation";
import { updateCart } from "@/lib/commerce/cart";
import { retrieveCart } from "@/lib/commerce/cart-store";

const retrieve = cartRoute<{ id: string }>("id", async ({ params }) => ({ cart: await retrieveCart(params.id) }));

const update = cartRoute<{ id: string }>("id", async ({ request, params, body }) => {
  return { cart: await updateCart(params.id, parseWith(updateCartSchema, body), { customerId: await findCustomerId(request) }) };
});

export const { GET, POST, DELETE } = routeMethods({ GET: retrieve, POST: update });
