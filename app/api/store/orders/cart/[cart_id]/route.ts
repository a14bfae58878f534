import { storeRoute } from "@/lib/api/store-route";
import { retrieveOrderByCartId } from "@/lib/commerce/orders";

export const GET = storeRoute<{ cart_id: string }>(async ({ params }) => ({ order: await retrieveOrderByCartId(params.cart_id) }));
