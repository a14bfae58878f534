"use client";
// One line of the cart: what it is, how many (editable), what it costs, and a way to remove it.
import Link from "next/link";
import { useState } from "react";
import { formatMoney } from "@/components/ui/format-money";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import { storeClient } from "@/lib/sdk/client";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreLineItem } from "@/lib/sdk/types";
import { useCart } from "./cart-provider";
import { shownLineAmount } from "./line-amount";
import { LineThumbnail } from "./line-thumbnail";

const MAX_LINE_QUANTITY = 99;

export function CartLine({ item, currencyCode, compact }: { item: StoreLineItem; currencyCode: string; compact?: boolean }) {
  const { mutate, pending } = useCart();
  const updateQuantity = (lineId: string, quantity: number) =>
    mutate((current) => storeClient.carts.lineItems.update(current.id, lineId, { quantity }));
  const removeLine = (lineId: string) => mutate((current) => storeClient.carts.lineItems.delete(current.id, lineId));
  const [error, setError] = useState<string | null>(null);
  // The quantity asked for but not yet confirmed, so quick clicks add up (1 → 2 → 3).
  const [target, setTarget] = useState<number | null>(null);
  const handle = item.variant.product.handle;

  function changeQuantity(quantity: number) {
    setTarget(quantity);
    void run(() => updateQuantity(item.id, quantity)).finally(() => setTarget((current) => (current === quantity ? null : current)));
  }

  async function run(change: () => Promise<unknown>) {
    setError(null);
    try {
      await change();
    } catch (caught) {
      if (isStoreApiError(caught) && caught.code === "insufficient_inventory") {
        const left = item.variant.inventory_quantity;
        setError(left > 0 ? `Only ${left} left in stock.` : "This item is sold out.");
      } else {
        setError(isStoreApiError(caught) ? caught.message : "Could not update the cart. Please try again.");
      }
    }
  }

  return (
    <li className={`cart-line${compact ? " cart-line--compact" : ""}`} data-testid="cart-line">
      <LineThumbnail src={item.thumbnail} size={compact ? 64 : 96} />
      <div className="cart-line__info">
        <p className="cart-line__title">
          {handle ? <Link href={`/products/${handle}`}>{item.title}</Link> : item.title}
        </p>
        <p className="cart-line__variant muted">{item.variant.title}</p>
        {!compact ? <p className="cart-line__unit muted">{formatMoney(item.unit_price, currencyCode)} each</p> : null}
        <div className="cart-line__controls">
          <QuantityStepper
            value={target ?? item.quantity}
            onChange={changeQuantity}
            max={MAX_LINE_QUANTITY}
            label={`Quantity of ${item.title} (${item.variant.title})`}
            hideLabel
            size="small"
          />
          <button type="button" className="link-button" onClick={() => run(() => removeLine(item.id))} aria-disabled={pending}>
            Remove<span className="visually-hidden"> {item.title} ({item.variant.title})</span>
          </button>
        </div>
        {error ? (
          <p role="alert" className="field__error">
            {error}
          </p>
        ) : null}
      </div>
      <p className="cart-line__total" data-testid="line-total">
        {formatMoney(shownLineAmount(item), currencyCode)}
      </p>
    </li>
  );
}
