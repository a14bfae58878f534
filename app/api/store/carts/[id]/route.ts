import { findCustomerId } from "@/lib/api/customer-auth";
import { storeRoute } from "@/lib/api/store-route";
import { parseWith, updateCartSchema } from "@/lib/api/validation";
import { retrieveCart, updateCart } from "@/lib/commerce/cart";

export const GET = storeRoute<{ id: string }>(async ({ params }) => ({ cart: await retrieveCart(params.id) }));

export const POST = storeRoute<{ id: string }>(async ({ request, params, body }) => {
  const { gift_cards: _none, ...input } = parseWith(updateCartSchema, body);
  return { cart: await updateCart(params.id, input, { customerId: await findCustomerId(request) }) };
});
