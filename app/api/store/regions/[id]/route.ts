import { storeRoute } from "@/lib/api/store-route";
import { retrieveRegion } from "@/lib/commerce/regions";

export const GET = storeRoute<{ id: string }>(async ({ params }) => ({ region: await retrieveRegion(params.id) }));
