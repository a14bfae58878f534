// Whether a shipping option may be used for a cart, by its subtotal requirements (Medusa v1's
// rule): min_subtotal holds when amount <= subtotal, max_subtotal when amount > subtotal. The
// subtotal is before discounts. Pure, so the listing and the selection apply the same rule.

export type SubtotalRequirements = { minSubtotal: number | null; maxSubtotal: number | null };

export function meetsSubtotalRequirements(option: SubtotalRequirements, cartSubtotal: number): boolean {
  if (option.minSubtotal !== null && option.minSubtotal > cartSubtotal) return false;
  if (option.maxSubtotal !== null && option.maxSubtotal <= cartSubtotal) return false;
  return true;
}

/**
 * How much more the cart needs for the cheapest option that is not yet available because of a
 * min_subtotal requirement to become available (e.g. free shipping), or null when none is near.
 */
export function amountUntilCheaperOption(
  options: readonly (SubtotalRequirements & { amount: number })[],
  cartSubtotal: number,
): { amountMissing: number; optionAmount: number } | null {
  const cheapestAvailable = Math.min(
    ...options.filter((option) => meetsSubtotalRequirements(option, cartSubtotal)).map((option) => option.amount),
  );
  const candidates = options
    .filter((option) => option.minSubtotal !== null && option.minSubtotal > cartSubtotal && option.amount < cheapestAvailable)
    .sort((a, b) => a.amount - b.amount || (a.minSubtotal ?? 0) - (b.minSubtotal ?? 0));
  const best = candidates[0];
  return best ? { amountMissing: (best.minSubtotal ?? 0) - cartSubtotal, optionAmount: best.amount } : null;
}
