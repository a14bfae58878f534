import { adminRoute } from "@/lib/api/admin-route";
import { createRegionSchema } from "@/lib/api/admin-catalogue-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parsePage, parseWith } from "@/lib/api/validation";
import { createAdminRegion, listAdminRegions } from "@/lib/catalogue/admin-regions";

export const { GET, POST, DELETE } = routeMethods({
  GET: adminRoute(async ({ query }) => listAdminRegions(parsePage(query, 50))),
  POST: adminRoute(async ({ body }) => ({ region: await createAdminRegion(parseWith(createRegionSchema, body)) })),
});
