"use client";
// The one-page checkout: address → delivery → payment → review, the current step in the URL
// (?step=…) so a reload keeps it. A step opens only when the steps before it are done; when the
// cart changes under a later step (e.g. a quantity changed, which drops the delivery method) the
// page goes back to the first step that needs the shopper again.
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import type { StripeCardElementChangeEvent } from "@stripe/stripe-js";
import { useCart } from "@/components/cart/cart-provider";
import { formatMoney } from "@/components/ui/format-money";
import { storeClient } from "@/lib/sdk/client";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreCustomer } from "@/lib/sdk/types";
import { AddressStep } from "./address-step";
import { AddressSummary } from "./address-summary";
import { CHECKOUT_STEPS, furthestStep, parseStep, stepIndex, stripeIntent, type CheckoutStep } from "./checkout-steps";
import { DeliveryStep } from "./delivery-step";
import { OrderSummary } from "./order-summary";
import { PaymentStep } from "./payment-step";
import { providerTitle } from "./payment-providers";
import { PlaceOrderButton } from "./place-order-button";
import { ReviewStep } from "./review-step";
import { StepSection } from "./step-section";
import { StripePartsContext, useStripeParts } from "./stripe-lazy";
import { usePlaceOrder } from "./use-place-order";

const DELIVERY_AGAIN = "Your cart has changed, so please choose a delivery method again.";

function showStep(step: CheckoutStep, mode: "push" | "replace") {
  const url = `/checkout?step=${step}`;
  // Native history calls keep Next's router and useSearchParams in sync without a server round trip.
  if (mode === "push") window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}

export function CheckoutFlow({ publishableKey, customer = null }: { publishableKey: string | null; customer?: StoreCustomer | null }) {
  const { cart, mutate, countryCode } = useCart();
  const searchParams = useSearchParams();
  const [cardReady, setCardReady] = useState(false);
  const [cardError, setCardError] = useState<string | null>(null);
  const [deliveryNotice, setDeliveryNotice] = useState<string | null>(null);
  const [preparingPayment, setPreparingPayment] = useState(false);
  const [prepareError, setPrepareError] = useState<string | null>(null);
  const { placeOrder, placing, error: placeError } = usePlaceOrder();

  const requested = parseStep(searchParams.get("step"));
  const furthest = cart ? furthestStep(cart, cardReady) : "address";
  const step: CheckoutStep = requested && stepIndex(requested) <= stepIndex(furthest) ? requested : furthest;
  const offersCards = Boolean(cart?.region.payment_providers.some((provider) => provider.id === "stripe"));
  const stripeParts = useStripeParts(Boolean(publishableKey && cart && (stripeIntent(cart) || (offersCards && step === "payment"))));

  // Keep the URL on the step shown; explain when the cart sent the shopper back to delivery.
  useEffect(() => {
    if (!cart || placing) return;
    if (requested !== step) {
      if (requested && step === "delivery" && stepIndex(requested) > stepIndex("delivery")) setDeliveryNotice(DELIVERY_AGAIN);
      showStep(step, "replace");
    }
  }, [cart, requested, step, placing]);

  // Move focus to the step that opened, so keyboard and screen reader users follow along.
  const shownStep = useRef<CheckoutStep | null>(null);
  useEffect(() => {
    if (shownStep.current && shownStep.current !== step) {
      document.getElementById(`step-${step}-title`)?.focus();
    }
    shownStep.current = step;
  }, [step]);

  // Entering the payment step makes the cart's payment sessions exist (and follow its total).
  const cartId = cart?.id;
  useEffect(() => {
    if (step !== "payment" || !cartId) return;
    let current = true;
    setPreparingPayment(true);
    setPrepareError(null);
    mutate((latest) => storeClient.carts.createPaymentSessions(latest.id))
      .catch((error: unknown) => {
        if (current) setPrepareError(isStoreApiError(error) ? error.message : "Could not prepare the payment. Reload the page to try again.");
      })
      .finally(() => current && setPreparingPayment(false));
    return () => {
      current = false;
    };
  }, [step, cartId, mutate]);

  const goTo = useCallback((next: CheckoutStep) => {
    setDeliveryNotice(null);
    showStep(next, "push");
  }, []);

  const onCardChange = useCallback((event: StripeCardElementChangeEvent) => {
    setCardReady(event.complete);
    setCardError(event.error?.message ?? null);
  }, []);

  const onCardError = useCallback(
    (message: string) => {
      setCardError(message);
      goTo("payment");
    },
    [goTo],
  );

  if (!cart || cart.items.length === 0) {
    return (
      <div className="empty-state">
        <h1>Your cart is empty</h1>
        <p className="muted">Add something to your cart to check out.</p>
        <Link href="/" className="button button--primary">
          Continue shopping
        </Link>
      </div>
    );
  }

  const currencyCode = cart.region.currency_code;
  const stripeWanted = Boolean(stripeIntent(cart) && publishableKey);
  const stripeActive = stripeWanted && stripeParts !== null;
  const state = (candidate: CheckoutStep) =>
    candidate === step ? "current" : stepIndex(candidate) < stepIndex(step) ? "done" : "upcoming";
  const method = cart.shipping_methods[0];

  const placeOrderButton = stripeActive ? (
    <stripeParts.StripePlaceOrder cart={cart} placing={placing} placeOrder={placeOrder} onCardError={onCardError} />
  ) : stripeWanted ? (
    // Stripe's parts are still loading (a moment): the button is there and does nothing yet.
    <PlaceOrderButton cart={cart} placing={placing} onPlace={() => undefined} />
  ) : (
    <PlaceOrderButton cart={cart} placing={placing} onPlace={() => void placeOrder(cart)} />
  );

  const steps = (
    <ol className="checkout-steps">
      <li>
        <StepSection
          step="address"
          number={1}
          state={state("address")}
          onEdit={() => goTo("address")}
          summary={
            <div className="step-summary">
              <div>
                <p className="step-summary__label">Contact</p>
                <p>{cart.email}</p>
              </div>
              <div>
                <p className="step-summary__label">Ship to</p>
                <AddressSummary address={cart.shipping_address} region={cart.region} />
              </div>
            </div>
          }
        >
          <AddressStep key={`${cart.region_id}:${countryCode}`} cart={cart} customer={customer} onDone={() => goTo("delivery")} />
        </StepSection>
      </li>
      <li>
        <StepSection
          step="delivery"
          number={2}
          state={state("delivery")}
          onEdit={() => goTo("delivery")}
          summary={
            method ? (
              <p>
                {method.name} · {method.price === 0 ? "Free" : formatMoney(method.price, currencyCode)}
              </p>
            ) : null
          }
        >
          <DeliveryStep cart={cart} notice={deliveryNotice} onDone={() => goTo("payment")} />
        </StepSection>
      </li>
      <li>
        <StepSection
          step="payment"
          number={3}
          state={state("payment")}
          onEdit={() => goTo("payment")}
          keepMounted={stripeActive && step === "review"}
          summary={cart.payment_session ? <p>{providerTitle(cart.payment_session.provider_id)}</p> : null}
        >
          <PaymentStep
            cart={cart}
            preparing={preparingPayment}
            prepareError={prepareError}
            stripeAvailable={Boolean(publishableKey)}
            cardReady={cardReady}
            cardError={cardError}
            onCardChange={onCardChange}
            onDone={() => goTo("review")}
          />
        </StepSection>
      </li>
      <li>
        <StepSection step="review" number={4} state={state("review")}>
          <ReviewStep cart={cart} error={placeError} onEdit={goTo} placeOrderButton={placeOrderButton} />
        </StepSection>
      </li>
    </ol>
  );

  return (
    <div className="checkout">
      <div className="checkout__main">
        <h1 className="checkout__title">Checkout</h1>
        <p className="checkout__progress muted" aria-live="polite">
          Step {stepIndex(step) + 1} of {CHECKOUT_STEPS.length}
        </p>
        {stripeActive && publishableKey ? (
          <StripePartsContext.Provider value={stripeParts}>
            <stripeParts.StripeElements publishableKey={publishableKey}>{steps}</stripeParts.StripeElements>
          </StripePartsContext.Provider>
        ) : (
          steps
        )}
      </div>
      <OrderSummary cart={cart} editable />
    </div>
  );
}
