// Which tax rate applies to a line or a shipping method: the region's default, unless a more
// specific rate of the region matches where the order ships to. Pure.
//
// A rate matches when its country (if any) is the shipping country, its province (if any) the
// shipping province, and its target fits: a product-type rate only lines of that type, a
// shipping rate only shipping methods, a general rate everything. The most specific match wins:
// a province beats a country beats the whole region; at the same place a targeted rate beats a
// general one. Before the address is known (no country, or no state where the country needs
// one), only region-wide rates apply, and the cart says its tax is the region default.
import { countryNeedsProvince } from "./provinces";
import type { TaxLine } from "./totals";

export type TaxRateRow = {
  id: string;
  countryCode: string | null;
  provinceCode: string | null;
  productType: string | null;
  appliesToShipping: boolean;
  rateBasisPoints: number;
  name: string;
  code: string | null;
};

export type TaxRegion = { taxRateBasisPoints: number; taxName: string; taxRates: readonly TaxRateRow[] };

export type TaxPlace = { countryCode: string; provinceCode: string | null };

export type TaxTarget = { kind: "item"; productType: string | null } | { kind: "shipping" };

/** Where tax is owed, or null while the address does not say enough yet. */
export function taxPlaceOf(address: { countryCode: string | null; province: string | null } | null): TaxPlace | null {
  if (!address?.countryCode) return null;
  const provinceCode = address.province ? address.province.toUpperCase() : null;
  if (countryNeedsProvince(address.countryCode) && !provinceCode) return null;
  return { countryCode: address.countryCode.toLowerCase(), provinceCode };
}

function specificity(rate: TaxRateRow): number {
  return (rate.provinceCode ? 4 : 0) + (rate.countryCode ? 2 : 0) + (rate.productType || rate.appliesToShipping ? 1 : 0);
}

function matches(rate: TaxRateRow, place: TaxPlace | null, target: TaxTarget): boolean {
  if (rate.countryCode && rate.countryCode !== place?.countryCode) return false;
  if (rate.provinceCode && rate.provinceCode !== place?.provinceCode) return false;
  if (rate.appliesToShipping) return target.kind === "shipping";
  if (rate.productType) return target.kind === "item" && rate.productType === target.productType;
  return true;
}

export function taxLineFor(region: TaxRegion, place: TaxPlace | null, target: TaxTarget): TaxLine {
  let best: TaxRateRow | null = null;
  for (const rate of region.taxRates) {
    if (!matches(rate, place, target)) continue;
    if (!best || specificity(rate) > specificity(best) || (specificity(rate) === specificity(best) && rate.id < best.id)) best = rate;
  }
  if (best) return { rate: best.rateBasisPoints, name: best.name, code: best.code };
  return { rate: region.taxRateBasisPoints, name: region.taxName, code: null };
}
