// Orders as the shopper sees them: by id (the confirmation page) or by the cart they came from.
import { db, type DbTransaction } from "../db/client";
import { findGraph } from "../db/graph";
import { confirmationEmailStatus, type ConfirmationEmailStatus } from "../email/confirmation-status";
import { notFound, StoreError } from "./errors";
import { looksLikeId } from "./ids";
import { adminOrderInclude, orderInclude, type AdminOrderRow, type OrderRow } from "./queries";
import { serializeOrder, type StoreOrder } from "./serialize";

/** The order page's order: the Store API order and whether a confirmation email went out. */
export type StoreOrderWithEmail = StoreOrder & { confirmation_email: ConfirmationEmailStatus };

/** An order with what the shopper sees of it, in one statement, by its id or its cart's id. */
export function findOrderRow(key: { id: string } | { cartId: string }, client: DbTransaction = db()): Promise<OrderRow | null> {
  return "id" in key ? findGraph<OrderRow>(client, "Order", key.id, orderInclude) : findGraph<OrderRow>(client, "Order", key.cartId, orderInclude, "cartId");
}

/** An order with its history, as the back office reads it, in one statement. */
export function findAdminOrderRow(orderId: string, client: DbTransaction = db()): Promise<AdminOrderRow | null> {
  return findGraph<AdminOrderRow>(client, "Order", orderId, adminOrderInclude);
}

export async function retrieveOrder(orderId: string): Promise<StoreOrderWithEmail> {
  if (!looksLikeId("order", orderId)) throw notFound("Order", orderId);
  const [order, confirmationEmail] = await Promise.all([
    findOrderRow({ id: orderId }),
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
  const order = await findOrderRow({ cartId });
  return order ? serializeOrder(order) : null;
}
