"use client";
// Step 3: how to pay. The page asks for the cart's payment sessions on entering (one per
// provider of the region), the shopper picks a provider, and for cards enters them here.
import type { StripeCardElementChangeEvent } from "@stripe/stripe-js";
import { useState } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { ErrorMessage } from "@/components/ui/error-message";
import { storeClient } from "@/lib/sdk/client";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreCart } from "@/lib/sdk/types";
import { hasNothingToPay, isPaymentReady, stripeIntent } from "./checkout-steps";
import { PAYMENT_PROVIDER_LABELS, providerTitle } from "./payment-providers";
import { StripeCardField } from "./stripe-lazy";

type Props = {
  cart: StoreCart;
  preparing: boolean;
  prepareError: string | null;
  stripeAvailable: boolean;
  cardReady: boolean;
  cardError: string | null;
  onCardChange: (event: StripeCardElementChangeEvent) => void;
  onDone: () => void;
};

export function PaymentStep(props: Props) {
  const { cart } = props;
  const { mutate, pending } = useCart();
  const [error, setError] = useState<string | null>(null);
  const [choosing, setChoosing] = useState<string | null>(null);
  const providers = cart.region.payment_providers.map((provider) => provider.id);
  const saved = cart.payment_session?.provider_id ?? null;
  // The radio follows the click at once; the cart's answer confirms (or undoes) it.
  const selected = choosing ?? saved;
  const hasStripeSession = Boolean(stripeIntent(cart));

  async function choose(providerId: string) {
    if (providerId === saved) return;
    setError(null);
    setChoosing(providerId);
    try {
      await mutate((current) => storeClient.carts.setPaymentSession(current.id, { provider_id: providerId }));
    } catch (caught) {
      setError(isStoreApiError(caught) ? caught.message : "Could not select this payment method. Please try again.");
    } finally {
      setChoosing(null);
    }
  }

  const ready = isPaymentReady(cart, props.cardReady);
  if (hasNothingToPay(cart)) {
    return (
      <div className="checkout-form">
        <div className="notice notice--info" data-testid="nothing-to-pay">
          <strong>Nothing left to pay.</strong> Your gift card covers the whole order, so no payment method is needed.
        </div>
        <div className="checkout-form__actions">
          <button type="button" className="button button--primary button--large" onClick={props.onDone} disabled={pending}>
            Continue to review
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="checkout-form">
      {props.preparing && cart.payment_sessions.length === 0 ? (
        <p className="muted" role="status">
          Preparing payment options…
        </p>
      ) : null}
      <ErrorMessage>{props.prepareError}</ErrorMessage>

      <fieldset className="choice-list">
        <legend className="visually-hidden">Payment method</legend>
        {providers.map((providerId) => {
          const label = PAYMENT_PROVIDER_LABELS[providerId];
          return (
            <div key={providerId} className={`choice${selected === providerId ? " choice--selected" : ""}`}>
              <input
                type="radio"
                id={`payment-${providerId}`}
                name="payment-provider"
                value={providerId}
                checked={selected === providerId}
                onChange={() => choose(providerId)}
                className="choice__input"
              />
              <label htmlFor={`payment-${providerId}`} className="choice__label">
                <span className="choice__text">
                  <span className="choice__title">{providerTitle(providerId)}</span>
                  {label ? <span className="choice__hint">{label.hint}</span> : null}
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>

      {saved === "manual" ? (
        <div className="notice notice--info" data-testid="manual-payment-notice">
          <strong>This is a test payment.</strong> No card is needed and no money moves: your order is placed and marked as paid
          by the store&apos;s test provider.
        </div>
      ) : null}

      {saved === "stripe" ? (
        props.stripeAvailable && hasStripeSession ? (
          <StripeCardField error={props.cardError} onChange={props.onCardChange} />
        ) : props.stripeAvailable ? (
          <p className="muted" role="status">
            Preparing card payment…
          </p>
        ) : (
          <ErrorMessage>Card payments are not available right now. Please choose another payment method.</ErrorMessage>
        )
      ) : null}

      <ErrorMessage>{error}</ErrorMessage>

      <div className="checkout-form__actions">
        <button type="button" className="button button--primary button--large" onClick={props.onDone} disabled={!ready || pending}>
          Continue to review
        </button>
      </div>
    </div>
  );
}
