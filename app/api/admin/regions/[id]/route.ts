import { adminRoute } from "@/lib/api/admin-route";
import { updateRegionSchema } from "@/lib/api/admin-catalogue-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { retrieveAdminRegion, updateAdminRegion } from "@/lib/catalogue/admin-regions";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  GET: adminRoute(async ({ params }) => ({ region: await retrieveAdminRegion(params.id) })),
  POST: adminRoute(async ({ params, body }) => ({ region: await updateAdminRegion(params.id, parseWith(updateRegionSchema, body)) })),
});
