// Whether the shopper was sent an order confirmation, so the storefront promises only what is
// true: "sent" once the email subscriber delivered order.placed, "queued" while it is on its way
// (recorded with the order, not yet delivered), null when there is none (an order from before
// emails existed) or delivery gave up.
import { db } from "../db/client";
import { EMAIL_SUBSCRIBER } from "./email-subscriber";

export type ConfirmationEmailStatus = "sent" | "queued" | null;

export async function confirmationEmailStatus(orderId: string): Promise<ConfirmationEmailStatus> {
  const event = await db().outboxEvent.findFirst({
    where: { resourceId: orderId, name: "order.placed" },
    select: { fannedOutAt: true, deliveries: { where: { subscriber: EMAIL_SUBSCRIBER }, select: { status: true } } },
  });
  if (!event) return null;
  const delivery = event.deliveries[0];
  if (!delivery) return event.fannedOutAt ? null : "queued";
  if (delivery.status === "delivered") return "sent";
  return delivery.status === "pending" ? "queued" : null;
}
