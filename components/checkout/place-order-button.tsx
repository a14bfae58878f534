"use client";
import { formatMoney } from "@/components/ui/format-money";
import type { StoreCart } from "@/lib/sdk/types";

export function PlaceOrderButton({ cart, placing, onPlace }: { cart: StoreCart; placing: boolean; onPlace: () => void }) {
  return (
    <button
      type="button"
      className="button button--primary button--large button--block"
      onClick={() => {
        if (!placing) onPlace();
      }}
      aria-disabled={placing}
      data-testid="place-order"
    >
      {placing ? (
        <>
          <span className="spinner" aria-hidden="true" /> Placing order…
        </>
      ) : (
        `Place order · ${formatMoney(cart.total, cart.region.currency_code)}`
      )}
    </button>
  );
}
