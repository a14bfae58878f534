import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { parseOrderListQuery } from "@/lib/api/admin-validation";
import { listAdminOrders } from "@/lib/order-management/admin-orders";

export const { GET, POST, DELETE } = routeMethods({
  GET: adminRoute(async ({ query }) => listAdminOrders(parseOrderListQuery(query))),
});
