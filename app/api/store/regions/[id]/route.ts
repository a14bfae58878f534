import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { retrieveRegion } from "@/lib/commerce/regions";

const retrieve = storeRoute<{ id: string }>(async ({ params }) => ({ region: await retrieveRegion(params.id) }));

export const { GET, POST, DELETE } = routeMethods({ GET: retrieve });
