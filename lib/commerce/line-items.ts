// Line items: what the shopper buys. A line snapshots the variant's title and its price in the
// cart currency when added; adding a variant already in the cart adds to that line. Every change
// drops the chosen shipping method (the options depend on the subtotal) and makes the payment
// sessions follow the new total.
import type { DbTransaction, Prisma } from "../db/client";
import { findGraph } from "../db/graph";
import { changeCartThenRead } from "./cart-store";
import { invalidData, notAllowed, notFound } from "./errors";
import { looksLikeId, newId } from "./ids";
import { syncPaymentSessions } from "./payment-sessions";
import type { CartRow } from "./queries";
import type { StoreCart } from "./serialize";

type VariantForCart = {
  id: string;
  title: string;
  inventoryQuantity: number;
  manageInventory: boolean;
  allowBackorder: boolean;
  product: { title: string; thumbnail: string | null; status: string };
  prices: { amount: number; includesTax: boolean | null }[];
};

type VariantRow = Prisma.ProductVariantGetPayload<{ include: { product: true; prices: true } }>;

type PricingRegion = { currencyCode: string; includesTax: boolean };

async function findVariantForCart(tx: DbTransaction, variantId: string, currencyCode: string): Promise<VariantForCart> {
  if (!looksLikeId("variant", variantId)) throw notFound("Variant", variantId);
  // One statement for the variant, its product and its prices (lib/db/graph.ts).
  const variant = await findGraph<VariantRow>(tx, "ProductVariant", variantId, { product: true, prices: true });
  if (!variant) throw notFound("Variant", variantId);
  if (variant.product.status !== "published") throw notAllowed(`${variant.product.title} is no longer for sale`, "product_unavailable");
  const prices = variant.prices.filter((price) => price.currencyCode === currencyCode);
  if (prices.length === 0) {
    throw invalidData(`Variant ${variantId} has no price in ${currencyCode.toUpperCase()}`, "variant_not_priced");
  }
  return { ...variant, prices };
}

/** Stock is checked when the cart asks for it and enforced again, atomically, at completion. */
export function assertInStock(variant: Pick<VariantForCart, "id" | "inventoryQuantity" | "manageInventory" | "allowBackorder">, quantity: number) {
  if (variant.manageInventory && !variant.allowBackorder && quantity > variant.inventoryQuantity) {
    throw notAllowed(
      variant.inventoryQuantity > 0
        ? `Only ${variant.inventoryQuantity} of variant ${variant.id} ${variant.inventoryQuantity === 1 ? "is" : "are"} in stock`
        : `Variant ${variant.id} is out of stock`,
      "insufficient_inventory",
    );
  }
}

async function addOrMergeLine(tx: DbTransaction, cartId: string, region: PricingRegion, existing: CartRow["items"], variantId: string, quantity: number) {
  const variant = await findVariantForCart(tx, variantId, region.currencyCode);
  const line = existing.find((item) => item.variantId === variantId);
  assertInStock(variant, (line?.quantity ?? 0) + quantity);
  if (line) {
    await tx.lineItem.update({ where: { id: line.id }, data: { quantity: line.quantity + quantity } });
    return;
  }
  await tx.lineItem.create({
    data: {
      id: newId("lineItem"),
      cartId,
      variantId,
      title: variant.product.title,
      description: variant.title,
      thumbnail: variant.product.thumbnail,
      unitPrice: variant.prices[0].amount,
      includesTax: variant.prices[0].includesTax ?? region.includesTax,
      quantity,
    },
  });
}

/** Items given to carts.create; the cart was created in the same transaction. */
export async function addItemsToNewCart(tx: DbTransaction, cartId: string, region: PricingRegion, items: { variant_id: string; quantity: number }[]) {
  const merged = new Map<string, number>();
  for (const item of items) merged.set(item.variant_id, (merged.get(item.variant_id) ?? 0) + item.quantity);
  for (const [variantId, quantity] of merged) await addOrMergeLine(tx, cartId, region, [], variantId, quantity);
}

async function changeLines(cartId: string, change: (tx: DbTransaction, cart: CartRow) => Promise<void>): Promise<StoreCart> {
  const changed = await changeCartThenRead(cartId, async (tx, cart) => {
    await change(tx, cart!);
    // The cart was read under this change's lock: methods it did not have, nobody added since.
    if (cart!.shippingMethods.length > 0) await tx.shippingMethod.deleteMany({ where: { cartId } });
  });
  return syncPaymentSessions(cartId, changed);
}

export function addLineItem(cartId: string, input: { variant_id: string; quantity: number }): Promise<StoreCart> {
  return changeLines(cartId, (tx, cart) =>
    addOrMergeLine(tx, cartId, cart.region, cart.items, input.variant_id, input.quantity),
  );
}

function findLine(cart: CartRow, lineId: string) {
  const line = cart.items.find((item) => item.id === lineId);
  if (!line) throw notFound("Line item", lineId);
  return line;
}

/** Quantity 0 removes the line, as in Medusa. */
export function updateLineItem(cartId: string, lineId: string, input: { quantity: number }): Promise<StoreCart> {
  return changeLines(cartId, async (tx, cart) => {
    const line = findLine(cart, lineId);
    if (input.quantity === 0) {
      await tx.lineItem.delete({ where: { id: line.id } });
      return;
    }
    assertInStock(line.variant, input.quantity);
    await tx.lineItem.update({ where: { id: line.id }, data: { quantity: input.quantity } });
  });
}

export function deleteLineItem(cartId: string, lineId: string): Promise<StoreCart> {
  return changeLines(cartId, async (tx, cart) => {
    await tx.lineItem.delete({ where: { id: findLine(cart, lineId).id } });
  });
}
