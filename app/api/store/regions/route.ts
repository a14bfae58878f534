import { storeRoute } from "@/lib/api/store-route";
import { parsePage } from "@/lib/api/validation";
import { listRegions } from "@/lib/commerce/regions";

export const GET = storeRoute(({ query }) => listRegions(parsePage(query)));
