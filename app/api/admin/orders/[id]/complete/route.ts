import { adminRoute } from "@/lib/api/admin-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { completeOrder } from "@/lib/order-management/fulfillment";

export const POST = adminRoute<{ id: string }>(async ({ params, body, actor }) => {
  parseWith(emptySchema, body ?? {});
  return { order: await completeOrder(params.id, actor) };
});
