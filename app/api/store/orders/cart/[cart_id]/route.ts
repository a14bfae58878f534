import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { retrieveOrderByCartId } from "@/lib/commerce/orders";

const retrieve = storeRoute<{ cart_id: string }>(async ({ params }) => ({ order: await retrieveOrderByCartId(params.cart_id) }));

export const { GET, POST, DELETE } = routeMethods({ GET: retrieve });
