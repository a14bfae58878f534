"use client";
// Choosing a variant by its options, seeing its price and stock, and adding it to the cart.
import Link from "next/link";
import { useMemo, useState } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatMoney } from "@/components/ui/format-money";
import { taxNote } from "@/components/ui/tax-note";
import { QuantityStepper } from "@/components/ui/quantity-stepper";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreProduct, StoreVariant } from "@/lib/sdk/types";
import { OptionPicker } from "./option-picker";
import { variantPrice } from "./product-pricing";
import { StockBadge } from "./stock-badge";
import { maxOrderable, stockState } from "./stock-state";

type Selection = Record<string, string>;

function variantFor(product: StoreProduct, selection: Selection): StoreVariant | undefined {
  return (product.variants as StoreVariant[]).find((variant) =>
    product.options.every((option) => variant.options.some((value) => value.option_id === option.id && value.value === selection[option.id])),
  );
}

/** Options with a single value need no choice; the rest start empty. */
function initialSelection(product: StoreProduct): Selection {
  const selection: Selection = {};
  for (const option of product.options) {
    const values = [...new Set(option.values.map((value) => value.value))];
    if (values.length === 1) selection[option.id] = values[0];
  }
  return selection;
}

export function ProductActions({ product, currencyCode }: { product: StoreProduct; currencyCode: string }) {
  const { addItem, cart, pending, region } = useCart();
  const [selection, setSelection] = useState<Selection>(() => initialSelection(product));
  const [quantity, setQuantity] = useState(1);
  const [adding, setAdding] = useState(false);
  const [message, setMessage] = useState<{ kind: "added" | "error"; text: string } | null>(null);

  const variant = useMemo(() => variantFor(product, selection), [product, selection]);
  const missing = product.options.filter((option) => !selection[option.id]);
  const state = variant ? stockState(variant) : null;
  const max = variant ? maxOrderable(variant) : 99;
  const price = variant ? variantPrice(variant, currencyCode) : null;
  const inCart = variant ? (cart?.items.find((item) => item.variant_id === variant.id)?.quantity ?? 0) : 0;

  function isUnavailable(optionId: string, value: string): boolean {
    const candidates = (product.variants as StoreVariant[]).filter((candidate) =>
      candidate.options.some((option) => option.option_id === optionId && option.value === value),
    );
    return candidates.length > 0 && candidates.every((candidate) => stockState(candidate).kind === "out_of_stock");
  }

  function select(optionId: string, value: string) {
    setSelection((current) => ({ ...current, [optionId]: value }));
    setMessage(null);
    setQuantity(1);
  }

  async function add() {
    if (!variant || adding || pending) return;
    setAdding(true);
    setMessage(null);
    try {
      await addItem(variant.id, quantity);
      setMessage({ kind: "added", text: `Added ${quantity} × ${product.title} to your cart.` });
    } catch (error) {
      if (isStoreApiError(error) && error.code === "insufficient_inventory") {
        const left = variant.inventory_quantity;
        setMessage({
          kind: "error",
          text:
            left <= 0
              ? "Sorry, this just sold out."
              : `Sorry, only ${left} left in stock${inCart ? ` and you already have ${inCart} in your cart` : ""}.`,
        });
      } else {
        setMessage({ kind: "error", text: isStoreApiError(error) ? error.message : "Could not add to the cart. Please try again." });
      }
    } finally {
      setAdding(false);
    }
  }

  const soldOut = state?.kind === "out_of_stock";
  const buttonLabel = missing.length
    ? `Choose ${missing.map((option) => option.title.toLowerCase()).join(" and ")}`
    : soldOut
      ? "Out of stock"
      : adding
        ? "Adding…"
        : "Add to cart";

  return (
    <div className="product-actions">
      <p className="product-actions__price">
        <span data-testid="variant-price">{price !== null ? formatMoney(price, currencyCode) : variant ? "Not available in this region" : "\u00a0"}</span>
        {price !== null ? <span className="price-note" data-testid="price-note"> {taxNote(region)}</span> : null}
      </p>

      {product.options.map((option) => (
        <OptionPicker
          key={option.id}
          option={option}
          selected={selection[option.id]}
          onSelect={(value) => select(option.id, value)}
          isUnavailable={(value) => isUnavailable(option.id, value)}
        />
      ))}

      <div className="product-actions__stock" aria-live="polite">
        {state ? <StockBadge state={state} /> : <span className="muted">Choose {missing.map((option) => option.title.toLowerCase()).join(" and ")} to see availability</span>}
        {state?.kind === "backorder" ? <span className="muted"> · ships when restocked</span> : null}
      </div>

      <div className="product-actions__buy">
        <QuantityStepper value={quantity} onChange={setQuantity} max={Math.max(1, max)} label="Quantity" disabled={!variant || soldOut} />
        <button
          type="button"
          className="button button--primary button--large product-actions__add"
          onClick={add}
          disabled={!variant || soldOut || price === null}
          aria-disabled={adding || pending}
        >
          {buttonLabel}
        </button>
      </div>

      <div aria-live="polite" className="product-actions__feedback">
        {message?.kind === "added" ? (
          <p className="notice notice--success" role="status">
            {message.text} <Link href="/cart">View cart</Link>
          </p>
        ) : null}
      </div>
      {message?.kind === "error" ? <ErrorMessage>{message.text}</ErrorMessage> : null}
    </div>
  );
}
