import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { parsePage } from "@/lib/api/validation";
import { listRegions } from "@/lib/commerce/regions";

const list = storeRoute(({ query }) => listRegions(parsePage(query)));

export const { GET, POST, DELETE } = routeMethods({ GET: list });
