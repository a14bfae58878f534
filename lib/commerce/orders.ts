// Orders as the shopper sees them: by id (the confirmation page) or by the cart they came from.
import { db } from "../db/client";
import { confirmationEmailStatus, type ConfirmationEmailStatus } from "../email/confirmation-status";
import { notFound, StoreError } from "./errors";
import { looksLikeId } from "./ids";
import { orderInclude } from "./queries";
import { serializeOrder, type StoreOrder } from "./serialize";

/** The order page's order: the Store API order and whether a confirmation email went out. */
export type StoreOrderWithEmail = StoreOrder & { confirmation_email: ConfirmationEmailStatus };

export async function retrieveOrder(orderId: string): Promise<StoreOrderWithEmail> {
  if (!looksLikeId("order", orderId)) throw notFound("Order", orderId);
  const [order, confirmationEmail] = await Promise.all([
    db().order.findUnique({ where: { id: orderId }, include: orderInclude }),
    confirmationEmailStatus(orderId),
  ]);
  if (!order) throw notFound("Order", orderId);
  return { ...serializeOrder(order), confirmation_email: confirmationEmail };
}

export async function retrieveOrderByCartId(cartId: string): Promise<StoreOrder> {
  const order = await findOrderOfCart(cartId);
  if (!order) throw new StoreError("not_found", `Order for cart ${cartId} was not found`);
  return order;
}

export async function findOrderOfCart(cartId: string): Promise<StoreOrder | null> {
  if (!looksLikeId("cart", cartId)) return null;
  const order = await db().order.findUnique({ where: { cartId }, include: orderInclude });
  return order ? serializeOrder(order) : null;
}
