"use client";
// The card number, expiry and CVC, in Stripe's own field (card data never touches our page).
import { CardElement } from "@stripe/react-stripe-js";
import type { StripeCardElementChangeEvent } from "@stripe/stripe-js";

const CARD_STYLE = {
  base: {
    color: "#1c2420",
    fontSize: "16px",
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    "::placeholder": { color: "#6b746f" },
  },
  invalid: { color: "#b3261e" },
};

export function StripeCardField(props: { error: string | null; onChange: (event: StripeCardElementChangeEvent) => void }) {
  return (
    <div className="field">
      <p className="field__label" id="card-label">
        Card details
      </p>
      <div className={`card-field${props.error ? " card-field--invalid" : ""}`} aria-labelledby="card-label" role="group" data-testid="card-field">
        <CardElement id="card-element" options={{ style: CARD_STYLE, hidePostalCode: true }} onChange={props.onChange} />
      </div>
      {props.error ? (
        <p role="alert" className="field__error" data-testid="card-error">
          {props.error}
        </p>
      ) : null}
      <p className="field__hint">Your card is charged only when you place the order.</p>
    </div>
  );
}
