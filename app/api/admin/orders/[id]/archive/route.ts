import { adminRoute } from "@/lib/api/admin-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { archiveOrder } from "@/lib/order-management/fulfillment";

export const POST = adminRoute<{ id: string }>(async ({ params, body, actor }) => {
  parseWith(emptySchema, body ?? {});
  return { order: await archiveOrder(params.id, actor) };
});
