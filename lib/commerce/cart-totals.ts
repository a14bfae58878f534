// A cart or an order as loaded → the input of the pure totals (tax lines resolved from the
// region's rates and the shipping address, the discount's reach, the gift cards in the order
// they were applied). The only place rows become money; totals.ts does the arithmetic.
import { taxLineFor, taxPlaceOf, type TaxPlace } from "./tax-rates";
import { computeCartTotals, type CartTotals, type DiscountRule, type TaxLine } from "./totals";
import type { CartRow, OrderRow } from "./queries";

export function discountRule(discount: { type: string | null; value: number | null } | null): DiscountRule | null {
  if (!discount || discount.type === null || discount.value === null) return null;
  const type = discount.type === "fixed" || discount.type === "free_shipping" ? discount.type : "percentage";
  return { type, value: discount.value };
}

/** The product ids a discount is limited to, or null for every product. */
export function discountProductIds(productIds: string | null | undefined): string[] | null {
  const ids = (productIds ?? "").split(",").map((id) => id.trim()).filter(Boolean);
  return ids.length ? ids : null;
}

type CartForTotals = Pick<CartRow, "region" | "items" | "shippingMethods" | "discount" | "giftCards" | "shippingAddress">;

/** Where the cart's tax is owed, or null while the region default applies. */
export function cartTaxPlace(cart: Pick<CartRow, "shippingAddress">): TaxPlace | null {
  return taxPlaceOf(cart.shippingAddress);
}

/** The totals of a cart as loaded with cartInclude; the single source for every figure. */
export function cartTotals(cart: CartForTotals): CartTotals {
  const place = cartTaxPlace(cart);
  const onlyProducts = discountProductIds(cart.discount?.productIds);
  return computeCartTotals({
    items: cart.items.map((item) => ({
      id: item.id,
      unitPrice: item.unitPrice,
      quantity: item.quantity,
      includesTax: item.includesTax,
      taxLines: [taxLineFor(cart.region, place, { kind: "item", productType: item.variant.product.type })],
      discountable: !onlyProducts || onlyProducts.includes(item.variant.productId),
    })),
    shippingMethods: cart.shippingMethods.map((method) => ({
      id: method.id,
      price: method.price,
      includesTax: method.includesTax,
      taxLines: [taxLineFor(cart.region, place, { kind: "shipping" })],
    })),
    discount: discountRule(cart.discount),
    giftCards: cart.giftCards.map(({ giftCard }) => ({ id: giftCard.id, code: giftCard.code, balance: giftCard.balance })),
  });
}

export function parseTaxLines(json: string | null): TaxLine[] {
  return json ? (JSON.parse(json) as TaxLine[]) : [];
}

/**
 * An order's figures, recomputed from what it was sold with: the lines' and methods' tax lines
 * fixed at completion, the discount as it was, and the gift card amounts taken (as balances,
 * so each card pays exactly what it paid then).
 */
export function orderTotals(order: OrderRow): CartTotals {
  const onlyProducts = discountProductIds(order.discountProductIds);
  return computeCartTotals({
    items: order.items.map((item) => ({
      id: item.id,
      unitPrice: item.unitPrice,
      quantity: item.quantity,
      includesTax: item.includesTax,
      taxLines: parseTaxLines(item.taxLinesJson),
      discountable: !onlyProducts || onlyProducts.includes(item.variant.productId),
    })),
    shippingMethods: order.shippingMethods.map((method) => ({
      id: method.id,
      price: method.price,
      includesTax: method.includesTax,
      taxLines: parseTaxLines(method.taxLinesJson),
    })),
    discount: discountRule({ type: order.discountType, value: order.discountValue }),
    giftCards: order.giftCardTransactions.map((transaction) => ({
      id: transaction.giftCardId,
      code: transaction.giftCard.code,
      balance: transaction.amount,
    })),
  });
}
