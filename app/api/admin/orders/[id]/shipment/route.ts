import { adminRoute } from "@/lib/api/admin-route";
import { shipmentSchema } from "@/lib/api/admin-validation";
import { parseWith } from "@/lib/api/validation";
import { createShipment } from "@/lib/order-management/fulfillment";

export const POST = adminRoute<{ id: string }>(async ({ params, body, actor }) => {
  const { fulfillment_id, tracking_numbers } = parseWith(shipmentSchema, body);
  return { order: await createShipment(params.id, { fulfillment_id, tracking_numbers }, actor) };
});
