import { adminRoute } from "@/lib/api/admin-route";
import { parseOrderListQuery } from "@/lib/api/admin-validation";
import { listAdminOrders } from "@/lib/order-management/admin-orders";

export const GET = adminRoute(async ({ query }) => listAdminOrders(parseOrderListQuery(query)));
