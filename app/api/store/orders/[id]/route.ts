import { storeRoute } from "@/lib/api/store-route";
import { retrieveOrder } from "@/lib/commerce/orders";

export const GET = storeRoute<{ id: string }>(async ({ params }) => ({ order: await retrieveOrder(params.id) }));
