// Every money figure of a cart and an order comes from here: the API answers, the order row and
// the amount sent to the payment provider all call computeCartTotals, so they cannot disagree.
// Pure: integers in minor units in, integers out.
//
//   line discount  = the line's share of the cart discount
//   line tax       = round((line subtotal − line discount) × rate), rounded per line
//   shipping tax   = round(shipping price × rate), per shipping method
//   total          = subtotal + shipping_total + tax_total − discount_total − gift_card_total

export type DiscountRule = { type: "percentage" | "fixed"; value: number };

export type TotalsInput = {
  /** Basis points of a percent: 2500 is 25 %. */
  taxRateBasisPoints: number;
  items: readonly { id: string; unitPrice: number; quantity: number }[];
  shippingMethods: readonly { id: string; price: number }[];
  discount: DiscountRule | null;
};

export type LineTotals = {
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
};

export type ShippingMethodTotals = { price: number; tax_total: number; total: number };

export type CartTotals = {
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  tax_total: number;
  gift_card_total: number;
  total: number;
  items: Record<string, LineTotals>;
  shippingMethods: Record<string, ShippingMethodTotals>;
};

/** Half-up rounding of amount × basisPoints / 10 000, exact in integers. */
export function applyBasisPoints(amount: number, basisPoints: number): number {
  return Math.floor((amount * basisPoints + 5_000) / 10_000);
}

/**
 * Splits a discount over the lines in proportion to their subtotals, largest remainders first,
 * so the shares add up to exactly the discount and no line is discounted below zero.
 */
export function allocateDiscount(lineSubtotals: readonly number[], discount: DiscountRule | null): number[] {
  const subtotal = lineSubtotals.reduce((sum, value) => sum + value, 0);
  if (!discount || subtotal === 0) return lineSubtotals.map(() => 0);
  if (discount.type === "percentage") {
    const basisPoints = Math.min(Math.max(discount.value, 0), 100) * 100;
    return lineSubtotals.map((value) => applyBasisPoints(value, basisPoints));
  }
  const amount = Math.min(Math.max(discount.value, 0), subtotal);
  const exactShares = lineSubtotals.map((value) => (amount * value) / subtotal);
  const shares = exactShares.map(Math.floor);
  let leftover = amount - shares.reduce((sum, value) => sum + value, 0);
  const byRemainder = exactShares
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (leftover === 0) break;
    shares[index] += 1;
    leftover -= 1;
  }
  return shares;
}

export function computeCartTotals(input: TotalsInput): CartTotals {
  const lineSubtotals = input.items.map((item) => item.unitPrice * item.quantity);
  const lineDiscounts = allocateDiscount(lineSubtotals, input.discount);

  const items: Record<string, LineTotals> = {};
  input.items.forEach((item, index) => {
    const subtotal = lineSubtotals[index];
    const discountTotal = lineDiscounts[index];
    const taxTotal = applyBasisPoints(subtotal - discountTotal, input.taxRateBasisPoints);
    items[item.id] = { subtotal, discount_total: discountTotal, tax_total: taxTotal, total: subtotal - discountTotal + taxTotal };
  });

  const shippingMethods: Record<string, ShippingMethodTotals> = {};
  for (const method of input.shippingMethods) {
    const taxTotal = applyBasisPoints(method.price, input.taxRateBasisPoints);
    shippingMethods[method.id] = { price: method.price, tax_total: taxTotal, total: method.price + taxTotal };
  }

  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const lineTotals = Object.values(items);
  const methodTotals = Object.values(shippingMethods);
  const subtotal = sum(lineSubtotals);
  const discountTotal = sum(lineDiscounts);
  const shippingTotal = sum(methodTotals.map((method) => method.price));
  const taxTotal = sum(lineTotals.map((line) => line.tax_total)) + sum(methodTotals.map((method) => method.tax_total));
  const giftCardTotal = 0;

  return {
    subtotal,
    discount_total: discountTotal,
    shipping_total: shippingTotal,
    tax_total: taxTotal,
    gift_card_total: giftCardTotal,
    total: subtotal + shippingTotal + taxTotal - discountTotal - giftCardTotal,
    items,
    shippingMethods,
  };
}
