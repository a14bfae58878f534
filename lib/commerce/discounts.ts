// Discount codes: the rules that decide whether a code may be used on a cart, applying and
// removing one (one code per cart; a new code replaces the current one, Medusa v1's rule), and
// counting its use when the cart becomes an order.
//
// A code is checked when it is applied and again, before any payment is taken, at completion
// (dates pass, carts shrink below a minimum, an email reveals an earlier use). Each refusal is a
// 400 a shopper can act on and changes nothing. The usage limit and the one-use-per-customer
// rule are enforced again inside the completion transaction by the database (a conditional
// increment and a unique index), so they hold when many carts complete at once.
import { isUniqueConstraintError, type DbTransaction, type Prisma } from "../db/client";
import { cartTotals } from "./cart-totals";
import { changeCart } from "./cart-store";
import { notAllowed, StoreError } from "./errors";
import { newId } from "./ids";
import { dateText, moneyText } from "./money-text";
import { syncPaymentSessions } from "./payment-sessions";
import type { CartRow } from "./queries";
import type { StoreCart } from "./serialize";

export type DiscountRow = Prisma.DiscountGetPayload<object>;

export const normalizeCode = (code: string) => code.trim().toUpperCase();

const refuse = (message: string, code: string) => notAllowed(message, code);

/** The keys under which a shopper's earlier use of a once-per-customer code is recorded. */
export function customerKeys(cart: Pick<CartRow, "customerId" | "email">): string[] {
  return [cart.customerId ? `customer:${cart.customerId}` : null, cart.email ? `email:${cart.email.toLowerCase()}` : null].filter(
    (key): key is string => key !== null,
  );
}

/** Every rule a code must meet on this cart now; throws the first one it breaks. */
export async function assertDiscountUsable(client: DbTransaction, discount: DiscountRow, cart: CartRow, now = new Date()): Promise<void> {
  const code = discount.code;
  if (discount.isDisabled) throw refuse(`The code ${code} is no longer valid.`, "discount_disabled");
  if (discount.startsAt && now < discount.startsAt) {
    throw refuse(`The code ${code} can be used from ${dateText(discount.startsAt)}.`, "discount_not_started");
  }
  if (discount.endsAt && now >= discount.endsAt) throw refuse(`The code ${code} expired on ${dateText(discount.endsAt)}.`, "discount_expired");
  if (discount.usageLimit !== null && discount.usageCount >= discount.usageLimit) {
    throw refuse(`The code ${code} has been used as often as it can be.`, "discount_used_up");
  }
  if (discount.regionId && discount.regionId !== cart.regionId) {
    throw refuse(`The code ${code} cannot be used in ${cart.region.name}.`, "discount_not_in_region");
  }
  if (discount.type === "fixed" && discount.currencyCode && discount.currencyCode !== cart.region.currencyCode) {
    throw refuse(`The code ${code} is for orders paid in ${discount.currencyCode.toUpperCase()}.`, "discount_wrong_currency");
  }
  const totals = cartTotals({ ...cart, discount });
  if (discount.minSubtotal !== null && totals.item_amount < discount.minSubtotal) {
    throw refuse(
      `The code ${code} needs items worth at least ${moneyText(discount.minSubtotal, cart.region.currencyCode)} in your cart.`,
      "discount_minimum_not_met",
    );
  }
  if (discount.productIds && cart.items.length > 0 && totals.discount_total === 0 && discount.type !== "free_shipping") {
    throw refuse(`The code ${code} does not apply to any item in your cart.`, "discount_not_applicable");
  }
  if (discount.oncePerCustomer) {
    const keys = customerKeys(cart);
    if (keys.length && (await client.discountRedemption.count({ where: { discountId: discount.id, customerKey: { in: keys } } })) > 0) {
      throw refuse(`You have already used the code ${code}.`, "discount_already_used");
    }
  }
}

/** Applies a code to the cart inside its change, replacing any other; refusals change nothing. */
export async function applyDiscountCode(tx: DbTransaction, cart: CartRow, enteredCode: string): Promise<void> {
  const code = normalizeCode(enteredCode);
  const discount = await tx.discount.findUnique({ where: { code } });
  if (!discount) throw refuse(`The code ${code} does not exist. Check the spelling and try again.`, "discount_not_found");
  await assertDiscountUsable(tx, discount, cart);
  await tx.cart.update({ where: { id: cart.id }, data: { discountId: discount.id } });
}

/** DELETE /store/carts/:id/discounts/:code (medusa-js carts.deleteDiscount); the payment follows. */
export async function removeDiscountCode(cartId: string, enteredCode: string): Promise<StoreCart> {
  const code = normalizeCode(enteredCode);
  await changeCart(cartId, async (tx, cart) => {
    if (!cart.discount || cart.discount.code !== code) {
      throw new StoreError("not_found", `The code ${code} is not applied to this cart`, "discount_not_applied");
    }
    await tx.cart.update({ where: { id: cart.id }, data: { discountId: null } });
  });
  return syncPaymentSessions(cartId);
}

class DiscountLimitReached extends StoreError {}

/**
 * Inside the completion transaction: counts the use once, only while the limit allows it, and
 * records the customer for a once-per-customer code (a second order fails on the unique index).
 */
export async function redeemDiscount(tx: DbTransaction, cart: CartRow, orderId: string): Promise<void> {
  const discount = cart.discount;
  if (!discount) return;
  const counted = await tx.$executeRaw`
    UPDATE "Discount" SET "usageCount" = "usageCount" + 1
    WHERE "id" = ${discount.id} AND ("usageLimit" IS NULL OR "usageCount" < "usageLimit")`;
  if (counted !== 1) {
    throw new DiscountLimitReached("not_allowed", `The code ${discount.code} has been used as often as it can be. Remove it to place your order.`, "discount_used_up");
  }
  if (!discount.oncePerCustomer) return;
  try {
    await tx.discountRedemption.createMany({
      data: customerKeys(cart).map((customerKey) => ({ id: newId("discountRedemption"), discountId: discount.id, customerKey, orderId })),
    });
  } catch (error) {
    if (isUniqueConstraintError(error)) {
      throw new DiscountLimitReached("not_allowed", `You have already used the code ${discount.code}. Remove it to place your order.`, "discount_already_used");
    }
    throw error;
  }
}
