import { adminRoute } from "@/lib/api/admin-route";
import { fulfillmentSchema } from "@/lib/api/admin-validation";
import { parseWith } from "@/lib/api/validation";
import { createFulfillment } from "@/lib/order-management/fulfillment";

export const POST = adminRoute<{ id: string }>(async ({ params, body, actor }) => {
  const { items } = parseWith(fulfillmentSchema, body);
  return { order: await createFulfillment(params.id, { items }, actor) };
});
