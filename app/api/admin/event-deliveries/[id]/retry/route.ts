import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { retryEventDelivery } from "@/lib/events/deliveries";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  POST: adminRoute(async ({ params, body, actor }) => {
    parseWith(emptySchema, body ?? {});
    return { delivery: await retryEventDelivery(params.id, actor) };
  }),
});
