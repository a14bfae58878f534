import { adminRoute } from "@/lib/api/admin-route";
import { createProductSchema, parseProductListQuery } from "@/lib/api/admin-catalogue-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { createAdminProduct, listAdminProducts } from "@/lib/catalogue/admin-products";

export const { GET, POST, DELETE } = routeMethods({
  GET: adminRoute(async ({ query }) => listAdminProducts(parseProductListQuery(query))),
  POST: adminRoute(async ({ body }) => ({ product: await createAdminProduct(parseWith(createProductSchema, body)) })),
});
