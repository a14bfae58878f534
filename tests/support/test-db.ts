// Direct database access for arranging what the Store API cannot (stock levels), on the same
// database the app instances use (DATABASE_URL from the test runner).
import { db } from "../../lib/db/client";

export async function setStock(variantId: string, quantity: number, options: { allowBackorder?: boolean } = {}) {
  await db().productVariant.update({
    where: { id: variantId },
    data: { inventoryQuantity: quantity, manageInventory: true, allowBackorder: options.allowBackorder ?? false },
  });
}

export async function stockOf(variantId: string): Promise<number> {
  return (await db().productVariant.findUniqueOrThrow({ where: { id: variantId } })).inventoryQuantity;
}

export async function ordersOfCart(cartId: string): Promise<number> {
  return db().order.count({ where: { cartId } });
}

export { disconnectDb } from "../../lib/db/client";
