import { adminRoute } from "@/lib/api/admin-route";
import { createShippingOptionSchema, parseShippingOptionListQuery } from "@/lib/api/admin-catalogue-validation";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { createAdminShippingOption, listAdminShippingOptions } from "@/lib/catalogue/admin-shipping-options";

export const { GET, POST, DELETE } = routeMethods({
  GET: adminRoute(async ({ query }) => listAdminShippingOptions(parseShippingOptionListQuery(query))),
  POST: adminRoute(async ({ body }) => ({ shipping_option: await createAdminShippingOption(parseWith(createShippingOptionSchema, body)) })),
});
