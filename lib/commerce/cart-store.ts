// The cart as stored: one read of the whole cart (one statement, lib/db/graph.ts) and the one way
// to change it (changeCart). Below cart.ts, line-items.ts, payment-sessions.ts and the rest, which
// all build on it, so none of them needs another.
import { db, isUniqueConstraintError, type DbTransaction } from "../db/client";
import { findGraph } from "../db/graph";
import { cartCompleted, conflict, notFound } from "./errors";
import { looksLikeId } from "./ids";
import { cartInclude, type CartRow } from "./queries";
import { serializeCart, type StoreCart } from "./serialize";

export async function loadCart(cartId: string, client: DbTransaction = db()): Promise<CartRow> {
  if (!looksLikeId("cart", cartId)) throw notFound("Cart", cartId);
  const cart = await findGraph<CartRow>(client, "Cart", cartId, cartInclude);
  if (!cart) throw notFound("Cart", cartId);
  return cart;
}

export async function retrieveCart(cartId: string): Promise<StoreCart> {
  return serializeCart(await loadCart(cartId));
}

/**
 * Runs one change to a cart in one transaction: claims the cart (refusing a completed one and
 * bumping its version, which also locks the row on Postgres), hands the current cart to the
 * change, and commits. Concurrent changes and completion are serialised by that claim.
 */
export async function changeCart<T>(cartId: string, change: (tx: DbTransaction, cart: CartRow) => Promise<T>): Promise<T> {
  return claimedTransaction(cartId, async (tx) => change(tx, await loadCart(cartId, tx)));
}

/**
 * changeCart, answering with the cart as the change left it (read in the same transaction).
 * A change that needs nothing of the cart beyond what its caller read before (e.g. a payment
 * session written from a cart read before the provider was asked) skips the read before it.
 */
export function changeCartThenRead(
  cartId: string,
  change: (tx: DbTransaction, cart: CartRow | null) => Promise<unknown>,
  options: { readBefore?: boolean } = {},
): Promise<CartRow> {
  return claimedTransaction(cartId, async (tx) => {
    await change(tx, options.readBefore === false ? null : await loadCart(cartId, tx));
    return loadCart(cartId, tx);
  });
}

/** The transaction of a change: the cart claimed first (refused when completed), then `run`. */
async function claimedTransaction<T>(cartId: string, run: (tx: DbTransaction) => Promise<T>): Promise<T> {
  if (!looksLikeId("cart", cartId)) throw notFound("Cart", cartId);
  const transaction = db().$transaction(async (tx) => {
    // Raw: the hottest statement of the store, and Prisma's query building is most of its cost.
    const claimed = await tx.$executeRaw`
      UPDATE "Cart" SET "version" = "version" + 1, "updatedAt" = ${new Date()} WHERE "id" = ${cartId} AND "completedAt" IS NULL`;
    if (claimed === 0) {
      const exists = await tx.cart.findUnique({ where: { id: cartId }, select: { id: true } });
      throw exists ? cartCompleted(cartId) : notFound("Cart", cartId);
    }
    return run(tx);
  });
  return transaction.catch((error: unknown) => {
    // Two requests created the same thing at once (e.g. payment sessions from two tabs); the
    // loser's transaction rolled back, and a retry will see the winner's rows.
    if (isUniqueConstraintError(error)) throw conflict("The cart was changed by another request at the same time; try again");
    throw error;
  });
}
