// What the back office calls each status, and which ones a filter offers.
export const ORDER_STATUS = { pending: "Pending", completed: "Completed", archived: "Archived", canceled: "Canceled" } as const;

export const PAYMENT_STATUS = {
  awaiting: "Awaiting capture",
  captured: "Captured",
  partially_refunded: "Partially refunded",
  refunded: "Refunded",
  canceled: "Canceled",
  requires_action: "Requires action",
} as const;

export const FULFILLMENT_STATUS = {
  not_fulfilled: "Not fulfilled",
  partially_fulfilled: "Partially fulfilled",
  fulfilled: "Fulfilled",
  partially_shipped: "Partially shipped",
  shipped: "Shipped",
  canceled: "Canceled",
} as const;

export const labelOf = (labels: Record<string, string>, value: string) => labels[value] ?? value.replace(/_/g, " ");

export const ACTIVITY = {
  payment_captured: "Payment captured",
  refund_created: "Refunded",
  order_canceled: "Order canceled",
  fulfillment_created: "Fulfillment created",
  fulfillment_canceled: "Fulfillment canceled",
  shipment_created: "Shipped",
  order_completed: "Order completed",
  order_archived: "Order archived",
  payment_canceled: "Payment authorization canceled",
  payment_disputed: "Payment disputed",
} as const;

export function StatusBadge({ labels, value }: { labels: Record<string, string>; value: string }) {
  return <span className={`status-badge status-badge--${value}`}>{labelOf(labels, value)}</span>;
}

export const PRODUCT_STATUS = { published: "Published", draft: "Draft", proposed: "Proposed", rejected: "Rejected" } as const;
