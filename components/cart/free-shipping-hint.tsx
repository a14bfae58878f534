"use client";
// "Add €12.00 more for free shipping": from the region's shipping options and their subtotal
// requirements, with the same rule the server applies when it lists a cart's options.
import { useEffect, useState } from "react";
import { formatMoney } from "@/components/ui/format-money";
import { amountUntilCheaperOption, meetsSubtotalRequirements, type SubtotalRequirements } from "@/lib/commerce/shipping-requirements";
import { storeClient } from "@/lib/sdk/client";
import type { StoreShippingOption } from "@/lib/sdk/types";

type PricedOption = SubtotalRequirements & { amount: number };

const optionsByRegion = new Map<string, Promise<PricedOption[]>>();

function toRequirements(option: StoreShippingOption): PricedOption {
  const requirement = (type: string) => option.requirements.find((candidate) => candidate.type === type)?.amount ?? null;
  return { amount: option.amount, minSubtotal: requirement("min_subtotal"), maxSubtotal: requirement("max_subtotal") };
}

function regionOptions(regionId: string): Promise<PricedOption[]> {
  let options = optionsByRegion.get(regionId);
  if (!options) {
    options = storeClient.shippingOptions
      .list({ region_id: regionId, is_return: false })
      .then(({ shipping_options }) => shipping_options.filter((option) => !option.is_return).map(toRequirements));
    options.catch(() => optionsByRegion.delete(regionId));
    optionsByRegion.set(regionId, options);
  }
  return options;
}

export function FreeShippingHint({ regionId, subtotal, currencyCode }: { regionId: string; subtotal: number; currencyCode: string }) {
  const [options, setOptions] = useState<PricedOption[] | null>(null);

  useEffect(() => {
    let current = true;
    regionOptions(regionId).then(
      (loaded) => current && setOptions(loaded),
      () => current && setOptions([]),
    );
    return () => {
      current = false;
    };
  }, [regionId]);

  let text: string | null = null;
  let reached = false;
  if (options && subtotal > 0) {
    const next = amountUntilCheaperOption(options, subtotal);
    if (next) {
      const money = formatMoney(next.amountMissing, currencyCode);
      text = next.optionAmount === 0 ? `Add ${money} more for free shipping` : `Add ${money} more for cheaper shipping`;
    } else if (options.some((option) => option.amount === 0 && option.minSubtotal !== null && meetsSubtotalRequirements(option, subtotal))) {
      text = "Your order qualifies for free shipping";
      reached = true;
    }
  }

  return (
    <div aria-live="polite" aria-atomic="true" className="shipping-hint-region">
      {text ? (
        <p className={`shipping-hint${reached ? " shipping-hint--reached" : ""}`} data-testid={reached ? "free-shipping-reached" : "free-shipping-hint"}>
          <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <path d="M3 7h11v9H3zM14 10h4l3 3v3h-7z" />
            <circle cx="7" cy="17.5" r="1.5" />
            <circle cx="17" cy="17.5" r="1.5" />
          </svg>
          {text}
        </p>
      ) : null}
    </div>
  );
}
