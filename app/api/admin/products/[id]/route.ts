import { adminRoute } from "@/lib/api/admin-route";
import { updateProductSchema } from "@/lib/api/admin-catalogue-validation";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { deleteAdminProduct, retrieveAdminProduct, updateAdminProduct } from "@/lib/catalogue/admin-products";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  GET: adminRoute(async ({ params }) => ({ product: await retrieveAdminProduct(params.id) })),
  POST: adminRoute(async ({ params, body }) => ({ product: await updateAdminProduct(params.id, parseWith(updateProductSchema, body)) })),
  DELETE: adminRoute(async ({ params, body }) => {
    parseWith(emptySchema, body ?? {});
    return deleteAdminProduct(params.id);
  }),
});
