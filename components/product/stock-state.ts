// What the shopper is told about a variant's stock, and how many they may add.
import type { StoreVariant } from "@/lib/sdk/types";

export type StockState =
  | { kind: "in_stock" }
  | { kind: "low_stock"; left: number }
  | { kind: "backorder" }
  | { kind: "out_of_stock" };

/** At or below this many left, the page says "Only N left". */
const LOW_STOCK_THRESHOLD = 5;
const UNLIMITED_QUANTITY = 99;

type StockFields = Pick<StoreVariant, "inventory_quantity" | "manage_inventory" | "allow_backorder">;

export function stockState(variant: StockFields): StockState {
  if (!variant.manage_inventory) return { kind: "in_stock" };
  if (variant.inventory_quantity > LOW_STOCK_THRESHOLD) return { kind: "in_stock" };
  if (variant.inventory_quantity > 0) return { kind: "low_stock", left: variant.inventory_quantity };
  return variant.allow_backorder ? { kind: "backorder" } : { kind: "out_of_stock" };
}

export function stockLabel(state: StockState): string {
  switch (state.kind) {
    case "in_stock":
      return "In stock";
    case "low_stock":
      return `Only ${state.left} left`;
    case "backorder":
      return "Available on backorder";
    case "out_of_stock":
      return "Out of stock";
  }
}

/** The most one line may hold; backorders and untracked stock are capped only for sanity. */
export function maxOrderable(variant: StockFields): number {
  if (!variant.manage_inventory || variant.allow_backorder) return UNLIMITED_QUANTITY;
  return Math.max(0, Math.min(variant.inventory_quantity, UNLIMITED_QUANTITY));
}
