// Direct database access for arranging what the Store API cannot (stock levels), on the same
// database the app instances use (DATABASE_URL from the test runner).
import { randomUUID } from "node:crypto";
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

/** A discount code with the given rules (there is no admin API to make one yet). */
export async function createDiscount(fields: {
  type: "percentage" | "fixed" | "free_shipping";
  value: number;
  regionId?: string;
  currencyCode?: string;
  productIds?: string[];
  startsAt?: Date;
  endsAt?: Date;
  usageLimit?: number;
  oncePerCustomer?: boolean;
  minSubtotal?: number;
  isDisabled?: boolean;
}): Promise<string> {
  const code = `TEST${randomUUID().slice(0, 8).toUpperCase()}`;
  await db().discount.create({
    data: {
      id: `disc_${code.toLowerCase()}`,
      code,
      type: fields.type,
      value: fields.value,
      regionId: fields.regionId ?? null,
      currencyCode: fields.currencyCode ?? null,
      productIds: fields.productIds?.join(",") ?? null,
      startsAt: fields.startsAt ?? null,
      endsAt: fields.endsAt ?? null,
      usageLimit: fields.usageLimit ?? null,
      oncePerCustomer: fields.oncePerCustomer ?? false,
      minSubtotal: fields.minSubtotal ?? null,
      isDisabled: fields.isDisabled ?? false,
    },
  });
  return code;
}

export async function discountUsage(code: string): Promise<number> {
  return (await db().discount.findUniqueOrThrow({ where: { code } })).usageCount;
}

/** A gift card with a balance in a region; answers its code. */
export async function createGiftCard(balance: number, regionId = "reg_europe", options: { endsAt?: Date } = {}): Promise<string> {
  const code = `GC-${randomUUID().slice(0, 8).toUpperCase()}`;
  await db().giftCard.create({ data: { id: `gift_${code.slice(3).toLowerCase()}`, code, value: balance, balance, regionId, endsAt: options.endsAt ?? null } });
  return code;
}

/** Ends a gift card's validity now (after it was applied to a cart). */
export async function expireGiftCard(code: string): Promise<void> {
  await db().giftCard.update({ where: { code }, data: { endsAt: new Date(Date.now() - 1000) } });
}

export async function giftCardBalance(code: string): Promise<number> {
  return (await db().giftCard.findUniqueOrThrow({ where: { code } })).balance;
}

export async function giftCardTaken(code: string): Promise<number> {
  const transactions = await db().giftCardTransaction.findMany({ where: { giftCard: { code } } });
  return transactions.reduce((sum, transaction) => sum + transaction.amount, 0);
}
