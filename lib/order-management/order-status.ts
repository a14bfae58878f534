// An order's statuses as Medusa v1 keeps them, derived from what happened to its items and its
// payment (pure, so every path that changes an order computes them the same way).

export type PaymentStatus = "awaiting" | "captured" | "partially_refunded" | "refunded" | "canceled" | "requires_action";

export type FulfillmentStatus =
  | "not_fulfilled"
  | "partially_fulfilled"
  | "fulfilled"
  | "partially_shipped"
  | "shipped"
  | "canceled";

export type ItemProgress = { quantity: number; fulfilledQuantity: number; shippedQuantity: number };

/** Shipping beats fulfilment: any shipped item makes the order (partially) shipped. */
export function fulfillmentStatusOf(items: ItemProgress[]): FulfillmentStatus {
  const ordered = items.reduce((sum, item) => sum + item.quantity, 0);
  const fulfilled = items.reduce((sum, item) => sum + item.fulfilledQuantity, 0);
  const shipped = items.reduce((sum, item) => sum + item.shippedQuantity, 0);
  if (shipped > 0) return shipped >= ordered ? "shipped" : "partially_shipped";
  if (fulfilled > 0) return fulfilled >= ordered ? "fulfilled" : "partially_fulfilled";
  return "not_fulfilled";
}

export type PaymentProgress = { amount: number; captured: boolean; canceled: boolean; amountRefunded: number };

export function paymentStatusOf(payments: PaymentProgress[]): PaymentStatus {
  if (payments.length === 0) return "awaiting";
  if (payments.every((payment) => payment.canceled && !payment.captured)) return "canceled";
  const captured = payments.filter((payment) => payment.captured);
  if (captured.length === 0) return "awaiting";
  const paid = captured.reduce((sum, payment) => sum + payment.amount, 0);
  const refunded = captured.reduce((sum, payment) => sum + payment.amountRefunded, 0);
  if (refunded === 0) return "captured";
  return refunded >= paid ? "refunded" : "partially_refunded";
}

/** What can still be refunded of a payment (minor units). */
export const refundableAmount = (payment: { amount: number; amountRefunded: number; captured: boolean }) =>
  payment.captured ? Math.max(0, payment.amount - payment.amountRefunded) : 0;
