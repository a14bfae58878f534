import { storeRoute } from "@/lib/api/store-route";
import { parseWith, updateCartSchema } from "@/lib/api/validation";
import { retrieveCart, updateCart } from "@/lib/commerce/cart";

export const GET = storeRoute<{ id: string }>(async ({ params }) => ({ cart: await retrieveCart(params.id) }));

export const POST = storeRoute<{ id: string }>(async ({ params, body }) => {
  return { cart: await updateCart(params.id, parseWith(updateCartSchema, body)) };
});
