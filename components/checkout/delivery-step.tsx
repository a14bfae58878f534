"use client";
// Step 2: how it travels. The options come from the server for this cart (its region, its
// subtotal), so they are fetched again whenever the cart's contents change.
import { useEffect, useState } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { FreeShippingHint } from "@/components/cart/free-shipping-hint";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatMoney } from "@/components/ui/format-money";
import { storeClient } from "@/lib/sdk/client";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreCart, StoreShippingOption } from "@/lib/sdk/types";

const DELIVERY_TIMES: Record<string, string> = {
  "Express Shipping": "1–2 business days",
  "Standard Shipping": "3–5 business days",
  "Free Standard Shipping": "3–5 business days",
};

export function DeliveryStep({ cart, notice, onDone }: { cart: StoreCart; notice: string | null; onDone: () => void }) {
  const { mutate, pending } = useCart();
  const [options, setOptions] = useState<StoreShippingOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  const saved = cart.shipping_methods[0]?.shipping_option_id ?? null;
  // The radio follows the click at once; the cart's answer confirms (or undoes) it.
  const chosen = choosing ?? saved;
  const contentsKey = `${cart.id}:${cart.region_id}:${cart.summary.items}`;

  useEffect(() => {
    let current = true;
    setOptions(null);
    storeClient.shippingOptions.listCartOptions(cart.id).then(
      ({ shipping_options }) => current && setOptions(shipping_options),
      () => current && setError("Could not load the delivery options. Reload the page to try again."),
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refetch when what decides the options changes
  }, [contentsKey]);

  async function choose(optionId: string) {
    setError(null);
    setChoosing(optionId);
    try {
      await mutate((current) => storeClient.carts.addShippingMethod(current.id, { option_id: optionId }));
    } catch (caught) {
      setError(isStoreApiError(caught) ? caught.message : "Could not choose this delivery method. Please try again.");
    } finally {
      setChoosing(null);
    }
  }

  const currencyCode = cart.region.currency_code;
  return (
    <div className="checkout-form">
      {notice ? (
        <p className="notice notice--info" role="status">
          {notice}
        </p>
      ) : null}
      <FreeShippingHint regionId={cart.region_id} subtotal={cart.summary.items} currencyCode={currencyCode} />
      {options === null && !error ? <p className="muted" role="status">Loading delivery options…</p> : null}
      {options && options.length === 0 ? <ErrorMessage>No delivery options are available for this cart.</ErrorMessage> : null}
      {options && options.length > 0 ? (
        <fieldset className="choice-list" aria-busy={choosing !== null}>
          <legend className="visually-hidden">Delivery method</legend>
          {options.map((option) => (
            <div key={option.id} className={`choice${chosen === option.id ? " choice--selected" : ""}`}>
              <input
                type="radio"
                id={`delivery-${option.id}`}
                name="delivery-option"
                value={option.id}
                checked={chosen === option.id}
                onChange={() => choose(option.id)}
                className="choice__input"
              />
              <label htmlFor={`delivery-${option.id}`} className="choice__label">
                <span className="choice__text">
                  <span className="choice__title">{option.name}</span>
                  {DELIVERY_TIMES[option.name] ? <span className="choice__hint">{DELIVERY_TIMES[option.name]}</span> : null}
                </span>
                <span className="choice__price">{option.amount === 0 ? "Free" : formatMoney(option.amount, currencyCode)}</span>
              </label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <ErrorMessage>{error}</ErrorMessage>
      <div className="checkout-form__actions">
        <button type="button" className="button button--primary button--large" onClick={onDone} disabled={!saved || pending}>
          Continue to payment
        </button>
      </div>
    </div>
  );
}
