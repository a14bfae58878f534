import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { emptySchema, parseWith } from "@/lib/api/validation";
import { captureOrderPayment } from "@/lib/order-management/money";

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  POST: adminRoute(async ({ params, body, actor }) => {
    parseWith(emptySchema, body ?? {});
    return { order: await captureOrderPayment(params.id, actor) };
  }),
});
