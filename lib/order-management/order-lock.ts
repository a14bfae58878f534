// One admin operation at a time per order, across every app instance: the operation claims the
// order with a conditional update of Order.lockedUntil (one atomic statement on SQLite and
// Postgres), works, and lets go. A second admin capturing or refunding the same order at that
// moment is told to try again (409) instead of moving money a second time. The claim expires on
// its own, so a process that dies mid-operation blocks the order for LOCK_MS at most; what it
// left half done is picked up by the next operation (see money.ts).
import { db } from "../db/client";
import { StoreError } from "../commerce/errors";

/** Longer than the slowest provider call (Stripe: 20 s timeout, 2 retries). */
const LOCK_MS = 90_000;

export async function withOrderLock<T>(orderId: string, operation: () => Promise<T>): Promise<T> {
  const now = new Date();
  const claimed = await db().order.updateMany({
    where: { id: orderId, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { lockedUntil: new Date(now.getTime() + LOCK_MS) },
  });
  if (claimed.count === 0) {
    const exists = await db().order.count({ where: { id: orderId } });
    if (!exists) throw new StoreError("not_found", `Order with id ${orderId} was not found`);
    throw new StoreError("conflict", "Another change to this order is in progress; try again in a moment", "order_busy");
  }
  try {
    return await operation();
  } finally {
    await db()
      .order.update({ where: { id: orderId }, data: { lockedUntil: null } })
      .catch((error: unknown) => console.error(`order-lock: could not release order ${orderId}; it frees itself in ${LOCK_MS / 1000} s`, error));
  }
}
