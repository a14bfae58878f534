import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { fulfillmentSchema } from "@/lib/api/admin-validation";
import { parseWith } from "@/lib/api/validation";
import { createFulfillment } from "@/lib/order-management/fulfillment";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  POST: adminRoute(async ({ params, body, actor }) => {
    const { items } = parseWith(fulfillmentSchema, body);
    return { order: await createFulfillment(params.id, { items }, actor) };
  }),
});
