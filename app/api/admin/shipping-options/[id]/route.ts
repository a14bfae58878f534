import { adminRoute } from "@/lib/api/admin-route";
import { updateShippingOptionSchema } from "@/lib/api/admin-catalogue-validation";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { deleteAdminShippingOption, retrieveAdminShippingOption, updateAdminShippingOption } from "@/lib/catalogue/admin-shipping-options";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  GET: adminRoute(async ({ params }) => ({ shipping_option: await retrieveAdminShippingOption(params.id) })),
  POST: adminRoute(async ({ params, body }) => ({
    shipping_option: await updateAdminShippingOption(params.id, parseWith(updateShippingOptionSchema, body)),
  })),
  DELETE: adminRoute(async ({ params, body }) => {
    parseWith(emptySchema, body ?? {});
    return deleteAdminShippingOption(params.id);
  }),
});
