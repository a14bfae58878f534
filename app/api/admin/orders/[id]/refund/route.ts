import { adminRoute } from "@/lib/api/admin-route";
import { refundSchema } from "@/lib/api/admin-validation";
import { parseWith } from "@/lib/api/validation";
import { refundOrderPayment } from "@/lib/order-management/money";

export const POST = adminRoute<{ id: string }>(async ({ params, body, actor }) => {
  const { amount, reason, note } = parseWith(refundSchema, body);
  return { order: await refundOrderPayment(params.id, { amount, reason, note }, actor) };
});
