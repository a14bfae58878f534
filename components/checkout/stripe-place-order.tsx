"use client";
// "Place order" for card payments: confirm the PaymentIntent with the card in Stripe.js (which
// runs 3-D Secure itself), then complete the cart. A retry after the money is already secured
// (succeeded / requires_capture) skips confirming.
import { CardElement, useElements, useStripe } from "@stripe/react-stripe-js";
import type { StoreCart } from "@/lib/sdk/types";
import { SETTLED_INTENT_STATUSES, stripeIntent } from "./checkout-steps";
import { PlaceOrderButton } from "./place-order-button";
import type { PaymentConfirmation } from "./use-place-order";

type Props = {
  cart: StoreCart;
  placing: boolean;
  placeOrder: (cart: StoreCart, confirmPayment: () => Promise<PaymentConfirmation>) => Promise<PaymentConfirmation>;
  onCardError: (message: string) => void;
};

export function StripePlaceOrder({ cart, placing, placeOrder, onCardError }: Props) {
  const stripe = useStripe();
  const elements = useElements();

  async function confirmPayment(): Promise<PaymentConfirmation> {
    const intent = stripeIntent(cart);
    if (!stripe || !elements || !intent) return { ok: false, message: "Card payments are still loading. Please try again in a moment." };

    const current = await stripe.retrievePaymentIntent(intent.clientSecret);
    if (current.paymentIntent && SETTLED_INTENT_STATUSES.includes(current.paymentIntent.status)) return { ok: true };

    const card = elements.getElement(CardElement);
    if (!card) return { ok: false, message: "Enter your card details to pay." };
    const billing = cart.billing_address ?? cart.shipping_address;
    const result = await stripe.confirmCardPayment(intent.clientSecret, {
      payment_method: {
        card,
        billing_details: {
          name: [billing?.first_name, billing?.last_name].filter(Boolean).join(" ") || undefined,
          email: cart.email ?? undefined,
          phone: billing?.phone ?? undefined,
          address: billing
            ? {
                line1: billing.address_1 ?? undefined,
                line2: billing.address_2 ?? undefined,
                city: billing.city ?? undefined,
                postal_code: billing.postal_code ?? undefined,
                country: billing.country_code?.toUpperCase() ?? undefined,
              }
            : undefined,
        },
      },
    });
    if (result.error) {
      const status = result.error.payment_intent?.status;
      if (status && SETTLED_INTENT_STATUSES.includes(status)) return { ok: true };
      const reason = result.error.message ?? "Your card could not be charged.";
      return { ok: false, message: `${reason} Check the details or try another card, then place the order again.` };
    }
    return { ok: true };
  }

  async function place() {
    const outcome = await placeOrder(cart, confirmPayment);
    if (!outcome.ok) onCardError(outcome.message);
  }

  return <PlaceOrderButton cart={cart} placing={placing} onPlace={place} />;
}
