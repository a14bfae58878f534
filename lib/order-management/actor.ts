// Who changed an order: a signed-in merchant, the payment provider (money moved outside the
// store), or the store itself. Every change is written to the order's history with its actor.
import type { DbTransaction } from "../db/client";
import { newId } from "../commerce/ids";

export type OrderActor =
  | { type: "user"; id: string; label: string }
  | { type: "provider"; id: string; label: string }
  | { type: "system"; id: null; label: string };

export const providerActor = (providerId: string): OrderActor => ({
  type: "provider",
  id: providerId,
  label: providerId === "stripe" ? "Stripe" : providerId,
});

export async function recordActivity(tx: DbTransaction, orderId: string, actor: OrderActor, action: string, data: Record<string, unknown> = {}) {
  await tx.orderActivity.create({
    data: { id: newId("orderActivity"), orderId, actorType: actor.type, actorId: actor.id, actorLabel: actor.label, action, dataJson: JSON.stringify(data) },
  });
}
