// Reading orders for the back office and the Admin API: one order with its history, and the
// orders list with Medusa v1's filters (q, statuses, created_at ranges, paging, ordering).
import { findAdminOrderRow } from "../commerce/orders";
import { db, type Prisma } from "../db/client";
import { getPaymentProvider, isPaymentProviderInstalled } from "../payments/registry";
import { notFound } from "../commerce/errors";
import { looksLikeId } from "../commerce/ids";
import { adminOrderInclude, type AdminOrderRow } from "../commerce/queries";
import { parseJson, serializeOrder } from "../commerce/serialize";

export function serializeAdminOrder(order: AdminOrderRow) {
  return {
    ...serializeOrder(order),
    updated_at: null as string | null,
    no_notification: null,
    metadata: null,
    /** Why the merchant must look at the order (a disputed charge), or null. */
    attention_reason: order.attentionReason,
    payments: serializeOrder(order).payments.map((payment) => {
      const row = order.payments.find((candidate) => candidate.id === payment.id)!;
      return { ...payment, authorization_expires_at: authorizationExpiry(row) };
    }),
    activities: order.activities.map((activity) => ({
      id: activity.id,
      action: activity.action,
      actor_type: activity.actorType,
      actor_id: activity.actorId,
      actor: activity.actorLabel,
      data: parseJson(activity.dataJson) ?? {},
      created_at: activity.createdAt.toISOString(),
    })),
  };
}

export type AdminOrder = ReturnType<typeof serializeAdminOrder>;

/** When the authorization of an uncaptured payment lapses (Stripe: 7 days), as an ISO date. */
function authorizationExpiry(payment: AdminOrderRow["payments"][number]): string | null {
  if (payment.capturedAt || payment.canceledAt || !isPaymentProviderInstalled(payment.providerId)) return null;
  const expires = getPaymentProvider(payment.providerId).authorizationExpiresAt(parseJson(payment.dataJson) ?? {}, payment.createdAt);
  return expires ? expires.toISOString() : null;
}

export async function retrieveAdminOrder(orderId: string): Promise<AdminOrder> {
  if (!looksLikeId("order", orderId)) throw notFound("Order", orderId);
  const order = await findAdminOrderRow(orderId);
  if (!order) throw notFound("Order", orderId);
  return serializeAdminOrder(order);
}

export type OrderListQuery = {
  q?: string;
  status?: string[];
  payment_status?: string[];
  fulfillment_status?: string[];
  created_at?: { lt?: Date; lte?: Date; gt?: Date; gte?: Date };
  limit: number;
  offset: number;
  /** "created_at" / "-created_at" / "display_id" / "-display_id" / "total" / "-total" */
  order?: string;
};

const SORTABLE: Record<string, keyof Prisma.OrderOrderByWithRelationInput> = {
  created_at: "createdAt",
  display_id: "displayId",
  total: "total",
  email: "email",
};

export async function listAdminOrders(query: OrderListQuery) {
  const where: Prisma.OrderWhereInput = {};
  const q = query.q?.trim();
  if (q) {
    const number = /^#?\d+$/.test(q) ? Number(q.replace("#", "")) : null;
    where.OR = [{ email: { contains: q.toLowerCase() } }, ...(number !== null && Number.isSafeInteger(number) ? [{ displayId: number }] : [])];
  }
  if (query.status?.length) where.status = { in: query.status };
  if (query.payment_status?.length) where.paymentStatus = { in: query.payment_status };
  if (query.fulfillment_status?.length) where.fulfillmentStatus = { in: query.fulfillment_status };
  if (query.created_at) where.createdAt = query.created_at;
  const sort = query.order ?? "-created_at";
  const field = SORTABLE[sort.replace(/^-/, "")] ?? "createdAt";
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const [rows, count] = await Promise.all([
    db().order.findMany({
      where,
      include: adminOrderInclude,
      orderBy: [{ [field]: direction }, { id: direction }],
      take: query.limit,
      skip: query.offset,
    }),
    db().order.count({ where }),
  ]);
  return { orders: rows.map(serializeAdminOrder), count, offset: query.offset, limit: query.limit };
}
