import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { retrieveOrder } from "@/lib/commerce/orders";

const retrieve = storeRoute<{ id: string }>(async ({ params }) => ({ order: await retrieveOrder(params.id) }));

export const { GET, POST, DELETE } = routeMethods({ GET: retrieve });
