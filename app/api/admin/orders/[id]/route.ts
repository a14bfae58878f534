import { adminRoute } from "@/lib/api/admin-route";
import { retrieveAdminOrder } from "@/lib/order-management/admin-orders";

export const GET = adminRoute<{ id: string }>(async ({ params }) => ({ order: await retrieveAdminOrder(params.id) }));
