// Every money figure of a cart and an order comes from here: the API answers, the order row, the
// pages and the amount sent to the payment provider all call computeCartTotals, so they cannot
// disagree. Pure: integers in minor units in, integers out; rates in basis points (1900 = 19 %).
//
// The order of operations, per line and per shipping method:
//   1. amount    = unit price × quantity, in the terms the price was set in (with or without tax)
//   2. discount  = the line's share of the cart discount, taken off that amount (before tax)
//   3. tax       = on the discounted amount: added on top (round(base × rate)), or, for a
//                  tax-inclusive price, extracted from it (round(base × rate / (1 + rate)))
//   4. gift cards pay, after discounts and tax, for what is left, never below zero.
//
// Tax-inclusive prices (Medusa v1's includes_tax). THE RULE: the price shown is the price paid.
// When the shipping address moves the cart to a country with another rate, the paid price stays
// and only the tax share inside it changes. Why: EU consumer price rules require the displayed
// price to be the final price, and a shopper who saw €25.00 on the product page must not find
// €25.63 at checkout because they live in Sweden (the merchant absorbs the rate difference).
//
// Rounding is half up, once per line and per shipping method, on exact integers, so the lines
// add up to the totals exactly. Several tax lines on one line share the line's tax by their rates
// (largest remainders), so they also add up exactly.
//
// Field meanings follow Medusa v1: for a tax-inclusive line `subtotal` is the amount without its
// tax and `discount_total` the discount without tax, so that for every line, every shipping
// method and the cart:  total = subtotal − discount_total + tax_total  (cart: + shipping_total −
// gift_card_total). `summary` gives the same money as a shopper reads it (prices as shown).

export type TaxLine = {
  /** Basis points of a percent: 1900 is 19 %. */
  rate: number;
  name: string;
  code: string | null;
};

export type DiscountRule = { type: "percentage" | "fixed" | "free_shipping"; value: number };

export type TotalsItem = {
  id: string;
  unitPrice: number;
  quantity: number;
  /** unitPrice already contains the tax. */
  includesTax: boolean;
  taxLines: readonly TaxLine[];
  /** The cart discount may apply to this line (product restrictions). */
  discountable: boolean;
};

export type TotalsShippingMethod = { id: string; price: number; includesTax: boolean; taxLines: readonly TaxLine[] };

export type TotalsGiftCard = { id: string; code: string; balance: number };

export type TotalsInput = {
  items: readonly TotalsItem[];
  shippingMethods: readonly TotalsShippingMethod[];
  discount: DiscountRule | null;
  giftCards: readonly TotalsGiftCard[];
};

/** One line's or method's figures, Medusa v1 fields. */
export type LineTotals = {
  subtotal: number;
  discount_total: number;
  tax_total: number;
  total: number;
  original_total: number;
  original_tax_total: number;
  /** The rates applied, and each one's share of tax_total in the same order. */
  tax_lines: readonly TaxLine[];
  tax_amounts: number[];
  /** In the terms the price is set in (with tax for a tax-inclusive price). */
  amount: number;
  amount_discount: number;
};

export type TaxBreakdownRow = TaxLine & { amount: number };

/** The cart as a shopper reads it: prices as shown, tax either added or included. */
export type ShopperSummary = {
  items: number;
  discount: number;
  shipping: number;
  /** Tax added on top of prices that do not include it. */
  tax_added: number;
  /** Tax contained in prices that include it (already in items and shipping). */
  tax_included: number;
  gift_card: number;
  total: number;
};

export type CartTotals = {
  subtotal: number;
  discount_total: number;
  shipping_total: number;
  shipping_discount_total: number;
  item_tax_total: number;
  shipping_tax_total: number;
  tax_total: number;
  gift_card_total: number;
  total: number;
  /** The sum of the items' prices as shown (before discount): what thresholds compare against. */
  item_amount: number;
  items: Record<string, LineTotals>;
  shippingMethods: Record<string, LineTotals>;
  giftCards: { id: string; code: string; amount: number }[];
  taxBreakdown: TaxBreakdownRow[];
  summary: ShopperSummary;
};

const BASIS = 10_000;

function assertMinorUnits(value: number, what: string) {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative whole number of minor units, got ${value}`);
}

/** Half-up rounding of numerator / denominator for non-negative integers, exact. */
function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Half-up rounding of amount × basisPoints / 10 000, exact in integers. */
export function applyBasisPoints(amount: number, basisPoints: number): number {
  return divideHalfUp(amount * basisPoints, BASIS);
}

/** The tax contained in a tax-inclusive amount: round(amount × rate / (1 + rate)), exact. */
export function includedTax(amount: number, basisPoints: number): number {
  return divideHalfUp(amount * basisPoints, BASIS + basisPoints);
}

/**
 * Splits an amount over weights in proportion, largest remainders first (ties to the earlier),
 * so the shares add up to exactly the amount. Zero weights get nothing.
 */
export function splitByWeights(amount: number, weights: readonly number[]): number[] {
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  if (totalWeight === 0 || amount === 0) return weights.map(() => 0);
  const shares = weights.map((weight) => Math.floor((amount * weight) / totalWeight));
  const remainders = weights.map((weight, index) => ({ index, remainder: (amount * weight) % totalWeight }));
  let leftover = amount - shares.reduce((sum, share) => sum + share, 0);
  remainders.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of remainders) {
    if (leftover === 0) break;
    shares[index] += 1;
    leftover -= 1;
  }
  return shares;
}

/**
 * The discount's share of each line amount: a percentage is rounded per line, a fixed amount
 * (at most the eligible amount) is split in proportion; lines not eligible get nothing.
 */
export function allocateDiscount(lineAmounts: readonly number[], discount: DiscountRule | null, eligible?: readonly boolean[]): number[] {
  const amounts = lineAmounts.map((amount, index) => (eligible && !eligible[index] ? 0 : amount));
  if (!discount || discount.type === "free_shipping") return amounts.map(() => 0);
  if (discount.type === "percentage") {
    const basisPoints = Math.min(Math.max(discount.value, 0), 100) * 100;
    return amounts.map((amount) => applyBasisPoints(amount, basisPoints));
  }
  const eligibleTotal = amounts.reduce((sum, amount) => sum + amount, 0);
  return splitByWeights(Math.min(Math.max(discount.value, 0), eligibleTotal), amounts);
}

/** The figures of one line or shipping method: amount and its discount in price terms, then tax. */
function lineFigures(amount: number, discount: number, includesTax: boolean, taxLines: readonly TaxLine[]): LineTotals {
  const rate = taxLines.reduce((sum, line) => sum + line.rate, 0);
  const paid = amount - discount;
  const taxOf = (base: number) => (includesTax ? includedTax(base, rate) : applyBasisPoints(base, rate));
  const taxTotal = taxOf(paid);
  const originalTaxTotal = taxOf(amount);
  const taxAmounts = splitByWeights(taxTotal, taxLines.map((line) => line.rate));
  if (includesTax) {
    const subtotal = amount - originalTaxTotal;
    return {
      subtotal,
      discount_total: subtotal + taxTotal - paid,
      tax_total: taxTotal,
      total: paid,
      original_total: amount,
      original_tax_total: originalTaxTotal,
      tax_lines: taxLines,
      tax_amounts: taxAmounts,
      amount,
      amount_discount: discount,
    };
  }
  return {
    subtotal: amount,
    discount_total: discount,
    tax_total: taxTotal,
    total: paid + taxTotal,
    original_total: amount + originalTaxTotal,
    original_tax_total: originalTaxTotal,
    tax_lines: taxLines,
    tax_amounts: taxAmounts,
    amount,
    amount_discount: discount,
  };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

export function computeCartTotals(input: TotalsInput): CartTotals {
  for (const item of input.items) {
    assertMinorUnits(item.unitPrice, "unit price");
    assertMinorUnits(item.quantity, "quantity");
  }
  for (const method of input.shippingMethods) assertMinorUnits(method.price, "shipping price");
  for (const card of input.giftCards) assertMinorUnits(card.balance, "gift card balance");

  const amounts = input.items.map((item) => item.unitPrice * item.quantity);
  const discounts = allocateDiscount(amounts, input.discount, input.items.map((item) => item.discountable));
  const freeShipping = input.discount?.type === "free_shipping";

  const items: Record<string, LineTotals> = {};
  input.items.forEach((item, index) => {
    items[item.id] = lineFigures(amounts[index], discounts[index], item.includesTax, item.taxLines);
  });
  const shippingMethods: Record<string, LineTotals> = {};
  for (const method of input.shippingMethods) {
    shippingMethods[method.id] = lineFigures(method.price, freeShipping ? method.price : 0, method.includesTax, method.taxLines);
  }

  const lines = Object.values(items);
  const methods = Object.values(shippingMethods);
  const subtotal = sum(lines.map((line) => line.subtotal));
  const shippingTotal = sum(methods.map((method) => method.subtotal));
  const shippingDiscountTotal = sum(methods.map((method) => method.discount_total));
  const discountTotal = sum(lines.map((line) => line.discount_total)) + shippingDiscountTotal;
  const itemTaxTotal = sum(lines.map((line) => line.tax_total));
  const shippingTaxTotal = sum(methods.map((method) => method.tax_total));
  const taxTotal = itemTaxTotal + shippingTaxTotal;
  const beforeGiftCards = sum(lines.map((line) => line.total)) + sum(methods.map((method) => method.total));

  let owed = beforeGiftCards;
  const giftCards = input.giftCards.map((card) => {
    const amount = Math.min(card.balance, owed);
    owed -= amount;
    return { id: card.id, code: card.code, amount };
  });
  const giftCardTotal = beforeGiftCards - owed;

  const taxBreakdown: TaxBreakdownRow[] = [];
  const addTax = (taxLines: readonly TaxLine[], taxAmounts: readonly number[]) =>
    taxLines.forEach((line, index) => {
      const row = taxBreakdown.find((candidate) => candidate.rate === line.rate && candidate.name === line.name && candidate.code === line.code);
      if (row) row.amount += taxAmounts[index];
      else taxBreakdown.push({ ...line, amount: taxAmounts[index] });
    });
  input.items.forEach((item) => addTax(item.taxLines, items[item.id].tax_amounts));
  input.shippingMethods.forEach((method) => addTax(method.taxLines, shippingMethods[method.id].tax_amounts));

  const both = [...input.items.map((item) => [item.includesTax, items[item.id]] as const), ...input.shippingMethods.map((method) => [method.includesTax, shippingMethods[method.id]] as const)];
  const summary: ShopperSummary = {
    items: sum(lines.map((line) => line.amount)),
    discount: sum([...lines, ...methods].map((line) => line.amount_discount)),
    shipping: sum(methods.map((method) => method.amount)),
    tax_added: sum(both.filter(([inclusive]) => !inclusive).map(([, line]) => line.tax_total)),
    tax_included: sum(both.filter(([inclusive]) => inclusive).map(([, line]) => line.tax_total)),
    gift_card: giftCardTotal,
    total: owed,
  };

  return {
    subtotal,
    discount_total: discountTotal,
    shipping_total: shippingTotal,
    shipping_discount_total: shippingDiscountTotal,
    item_tax_total: itemTaxTotal,
    shipping_tax_total: shippingTaxTotal,
    tax_total: taxTotal,
    gift_card_total: giftCardTotal,
    total: owed,
    item_amount: summary.items,
    items,
    shippingMethods,
    giftCards,
    taxBreakdown,
    summary,
  };
}
