import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { parseDeliveryListQuery } from "@/lib/api/admin-mail-validation";
import { listEventDeliveries } from "@/lib/events/deliveries";

export const { GET, POST, DELETE } = routeMethods({
  GET: adminRoute(async ({ query }) => listEventDeliveries(parseDeliveryListQuery(query))),
});
