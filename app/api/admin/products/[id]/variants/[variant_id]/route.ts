import { adminRoute } from "@/lib/api/admin-route";
import { updateVariantSchema } from "@/lib/api/admin-catalogue-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { updateAdminProductVariant } from "@/lib/catalogue/admin-products";

export const { GET, POST, DELETE } = routeMethods<{ id: string; variant_id: string }>({
  POST: adminRoute(async ({ params, body }) => ({
    product: await updateAdminProductVariant(params.id, params.variant_id, parseWith(updateVariantSchema, body)),
  })),
});
