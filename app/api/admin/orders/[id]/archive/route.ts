import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { archiveOrder } from "@/lib/order-management/fulfillment";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  POST: adminRoute(async ({ params, body, actor }) => {
    parseWith(emptySchema, body ?? {});
    return { order: await archiveOrder(params.id, actor) };
  }),
});
