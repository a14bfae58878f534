import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { refundSchema } from "@/lib/api/admin-validation";
import { parseWith } from "@/lib/api/validation";
import { refundOrderPayment } from "@/lib/order-management/money";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  POST: adminRoute(async ({ params, body, actor }) => {
    const { amount, reason, note, no_notification } = parseWith(refundSchema, body);
    return { order: await refundOrderPayment(params.id, { amount, reason, note, no_notification }, actor) };
  }),
});
