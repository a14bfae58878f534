import type { StoreProduct, StoreVariant } from "@/lib/sdk/types";
import { stockState, type StockState } from "./stock-state";

export function variantPrice(variant: StoreVariant, currencyCode: string): number | null {
  if (typeof variant.calculated_price === "number") return variant.calculated_price;
  return variant.prices.find((price) => price.currency_code === currencyCode)?.amount ?? null;
}

/** The lowest price among the variants, and whether they differ ("From €25.00"). */
export function productPriceRange(product: StoreProduct, currencyCode: string): { amount: number; varies: boolean } | null {
  const amounts = (product.variants as StoreVariant[])
    .map((variant) => variantPrice(variant, currencyCode))
    .filter((amount): amount is number => amount !== null);
  if (amounts.length === 0) return null;
  const lowest = Math.min(...amounts);
  return { amount: lowest, varies: amounts.some((amount) => amount !== lowest) };
}

/** The product's stock as a whole: the best state any of its variants is in. */
export function productStockState(product: StoreProduct): StockState {
  const states = product.variants.map(stockState);
  const order: StockState["kind"][] = ["in_stock", "low_stock", "backorder", "out_of_stock"];
  return states.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0] ?? { kind: "out_of_stock" };
}
