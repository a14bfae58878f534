// Orders seen from the customer's side: the account's history, a guest's lookup by order number
// and email, and the claim that brings guest orders into an account.
//
// Who sees what: an order is in an account's history only when it was placed signed in, or when
// the account proved it controls the order's email with a claim token (Order.inAccount). A guest
// order of the same email stays out until then, so registering with someone else's email shows
// nothing of theirs. Claiming, in two steps:
//   1. a signed-in customer asks for orders (by id, or all guest orders of their own email): a
//      single-use token (1 hour) per order email is made and the order.claim_requested event that
//      emails it is recorded in the same transaction. The answer never says what matched.
//   2. the signed-in customer who asked sends the token back: the orders move into their account.
//      Orders already in an account are never moved.
import { db, type Prisma } from "../db/client";
import { notFound, unauthorized } from "../commerce/errors";
import { orderInclude } from "../commerce/queries";
import { serializeOrder, type StoreOrder } from "../commerce/serialize";
import { recordEvent } from "../events/outbox";
import { normalizeEmail, retrieveCustomer } from "./accounts";
import { createOneTimeToken, useOneTimeToken } from "./one-time-tokens";
import { enforceRateLimits, LIMITS } from "./rate-limits";

export const CLAIM_TOKEN_TTL_MS = 60 * 60_000;

export type OrderHistoryFilters = {
  limit: number;
  offset: number;
  id?: string;
  display_id?: number;
  status?: string;
  payment_status?: string;
  fulfillment_status?: string;
};

export async function listCustomerOrders(
  customerId: string,
  filters: OrderHistoryFilters,
): Promise<{ orders: StoreOrder[]; count: number; offset: number; limit: number }> {
  await retrieveCustomer(customerId);
  const where: Prisma.OrderWhereInput = {
    customerId,
    inAccount: true,
    id: filters.id,
    displayId: filters.display_id,
    status: filters.status,
    paymentStatus: filters.payment_status,
    fulfillmentStatus: filters.fulfillment_status,
  };
  const [rows, count] = await Promise.all([
    db().order.findMany({ where, include: orderInclude, orderBy: [{ createdAt: "desc" }, { displayId: "desc" }], skip: filters.offset, take: filters.limit }),
    db().order.count({ where }),
  ]);
  return { orders: rows.map(serializeOrder), count, offset: filters.offset, limit: filters.limit };
}

/** GET /store/orders?display_id=&email=: the order only when both match (and the postal code, if given). */
export async function lookupOrder(
  input: { display_id: number; email: string; postal_code?: string },
  clientAddress: string,
): Promise<StoreOrder> {
  await enforceRateLimits([{ key: `store-order-lookup:address:${clientAddress}`, limit: LIMITS.orderLookupPerAddress }]);
  const order = await db().order.findFirst({
    where: { displayId: input.display_id, email: normalizeEmail(input.email) },
    include: orderInclude,
  });
  const postalCodeMatches =
    input.postal_code === undefined ||
    order?.shippingAddress.postalCode?.replace(/\s/g, "").toLowerCase() === input.postal_code.replace(/\s/g, "").toLowerCase();
  if (!order || !postalCodeMatches) throw notFound("Order", String(input.display_id));
  return serializeOrder(order);
}

/** Step 1 of a claim. Answers nothing about which orders exist. */
export async function requestOrderClaim(customerId: string, orderIds: string[] | undefined): Promise<void> {
  const customer = await retrieveCustomer(customerId);
  await enforceRateLimits([{ key: `store-order-claim:customer:${customerId}`, limit: LIMITS.claimRequestPerCustomer }]);
  const claimable = await db().order.findMany({
    where: { inAccount: false, ...(orderIds ? { id: { in: orderIds } } : { email: customer.email }) },
    select: { id: true, email: true },
    orderBy: { displayId: "asc" },
  });
  const byEmail = new Map<string, string[]>();
  for (const order of claimable) byEmail.set(order.email, [...(byEmail.get(order.email) ?? []), order.id]);
  for (const [email, ids] of byEmail) {
    // The token goes out only in the claim email (the event's subscriber), never to a log.
    await db().$transaction(async (tx) => {
      const made = await createOneTimeToken(tx, { purpose: "order_claim", customerId, email, ttlMs: CLAIM_TOKEN_TTL_MS, orderIds: ids });
      await recordEvent(tx, { name: "order.claim_requested", resourceId: customerId, data: { email, token: made.token, order_ids: ids } });
    });
  }
}

/** Step 2 of a claim: only the customer who asked can use the token, once. */
export async function confirmOrderClaim(customerId: string, token: string): Promise<{ claimed_order_ids: string[] }> {
  await retrieveCustomer(customerId);
  return db().$transaction(async (tx) => {
    const used = await useOneTimeToken(tx, token, "order_claim", { customerId });
    if (!used) throw unauthorized("The confirmation link is invalid or has expired; ask for a new one");
    const movable = await tx.order.findMany({
      where: { id: { in: used.orderIds }, email: used.email, inAccount: false },
      select: { id: true },
    });
    const ids = movable.map((order) => order.id);
    await tx.order.updateMany({ where: { id: { in: ids }, inAccount: false }, data: { customerId, inAccount: true } });
    return { claimed_order_ids: ids };
  });
}
