import { adminRoute } from "@/lib/api/admin-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { cancelFulfillment } from "@/lib/order-management/fulfillment";

export const POST = adminRoute<{ id: string; fulfillment_id: string }>(async ({ params, body, actor }) => {
  parseWith(emptySchema, body ?? {});
  return { order: await cancelFulfillment(params.id, params.fulfillment_id, actor) };
});
