import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { shipmentSchema } from "@/lib/api/admin-validation";
import { parseWith } from "@/lib/api/validation";
import { createShipment } from "@/lib/order-management/fulfillment";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  POST: adminRoute(async ({ params, body, actor }) => {
    const { fulfillment_id, tracking_numbers, no_notification } = parseWith(shipmentSchema, body);
    return { order: await createShipment(params.id, { fulfillment_id, tracking_numbers, no_notification }, actor) };
  }),
});
