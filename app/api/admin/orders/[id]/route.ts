import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { retrieveAdminOrder } from "@/lib/order-management/admin-orders";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  GET: adminRoute(async ({ params }) => ({ order: await retrieveAdminOrder(params.id) })),
});
