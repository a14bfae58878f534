// What a line costs as the shopper saw it priced (unit price × quantity, before discounts): for a
// tax-inclusive price Medusa v1's `subtotal` is without the tax, so the shown amount is
// `original_total` there. A choice of served figures, not arithmetic.
import type { StoreLineItem } from "@/lib/sdk/types";

export const shownLineAmount = (item: Pick<StoreLineItem, "includes_tax" | "subtotal" | "original_total">) =>
  item.includes_tax ? item.original_total : item.subtotal;
