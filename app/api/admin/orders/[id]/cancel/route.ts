import { adminRoute } from "@/lib/api/admin-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { cancelOrder } from "@/lib/order-management/money";

export const POST = adminRoute<{ id: string }>(async ({ params, body, actor }) => {
  parseWith(emptySchema, body ?? {});
  return { order: await cancelOrder(params.id, actor) };
});
