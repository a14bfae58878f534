"use client";
// Placing the order: (for cards) confirm the payment with Stripe, then complete the cart.
// One attempt keeps one Idempotency-Key (in sessionStorage, so a reload mid-attempt reuses it)
// and a click while an attempt runs is ignored; the server completes a cart exactly once anyway.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { storeClient } from "@/lib/sdk/client";
import { CART_COOKIE, clearBrowserCookie } from "@/lib/sdk/cookies";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import { newIdempotencyKey } from "@/lib/sdk/transport";
import type { StoreCart } from "@/lib/sdk/types";

/** What confirming the payment in the browser came to; `message` is for the shopper. */
export type PaymentConfirmation = { ok: true } | { ok: false; message: string };

const attemptStorageKey = (cartId: string) => `checkout:complete-attempt:${cartId}`;

function attemptKey(cartId: string): string {
  try {
    const stored = sessionStorage.getItem(attemptStorageKey(cartId));
    if (stored) return stored;
    const key = newIdempotencyKey();
    sessionStorage.setItem(attemptStorageKey(cartId), key);
    return key;
  } catch {
    return newIdempotencyKey(); // storage blocked: the attempt still has one key in memory
  }
}

function endAttempt(cartId: string) {
  try {
    sessionStorage.removeItem(attemptStorageKey(cartId));
  } catch {
    // nothing stored
  }
}

const PAYMENT_STATUS_MESSAGES: Record<string, string> = {
  requires_more: "Your bank needs you to confirm this payment. Place the order again and complete your bank’s check.",
  pending: "Payment not completed yet. Check your payment details and place the order again.",
  error: "The payment did not go through. Please try again or choose another payment method.",
  canceled: "The payment was canceled. Please place the order again.",
};

function soldOutMessage(serverMessage: string): string {
  const what = /:\s*(.+?)\s+sold out in the meantime/.exec(serverMessage)?.[1];
  return what
    ? `Sorry — ${what} sold out while you were checking out. Nothing was charged. Please update your cart and try again.`
    : "Sorry — something in your cart sold out while you were checking out. Nothing was charged. Please update your cart and try again.";
}

export function usePlaceOrder() {
  const router = useRouter();
  const { replaceCart } = useCart();
  const [placing, setPlacing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  // The cart is forgotten by the confirmation page; until it shows, this page keeps saying
  // "Placing order…" instead of flashing an empty cart.
  async function goToOrder(orderId: string, cartId: string) {
    endAttempt(cartId);
    clearBrowserCookie(CART_COOKIE);
    router.push(`/order/confirmed/${orderId}`);
  }

  async function placeOrder(cart: StoreCart, confirmPayment?: () => Promise<PaymentConfirmation>): Promise<PaymentConfirmation> {
    if (running.current) return { ok: true };
    running.current = true;
    setPlacing(true);
    setError(null);
    let leaving = false;
    try {
      if (confirmPayment) {
        const confirmation = await confirmPayment();
        if (!confirmation.ok) return confirmation;
      }
      const result = await storeClient.carts.complete(cart.id, { idempotencyKey: attemptKey(cart.id) });
      if (result.type === "order") {
        leaving = true;
        await goToOrder(result.data.id, cart.id);
        return { ok: true };
      }
      endAttempt(cart.id); // the next click is a new attempt with a new key
      replaceCart(result.data);
      setError(PAYMENT_STATUS_MESSAGES[result.payment_status] ?? PAYMENT_STATUS_MESSAGES.pending);
      return { ok: true };
    } catch (caught) {
      if (!isStoreApiError(caught)) {
        setError("Something went wrong while placing your order. Please try again.");
        return { ok: true };
      }
      if (caught.status === 0) {
        // No answer: keep the attempt's key so trying again cannot place a second order.
        setError("We could not reach the store to place your order. Check your connection and try again.");
        return { ok: true };
      }
      endAttempt(cart.id);
      if (caught.code === "cart_completed" || caught.status === 404) {
        const order = await storeClient.orders.retrieveByCartId(cart.id).catch(() => null);
        if (order) {
          leaving = true;
          await goToOrder(order.order.id, cart.id);
          return { ok: true };
        }
      }
      if (caught.code === "insufficient_inventory") {
        const fresh = await storeClient.carts.retrieve(cart.id).catch(() => null);
        if (fresh) replaceCart(fresh.cart);
        setError(soldOutMessage(caught.message));
      } else if (caught.type === "payment_authorization_error") {
        setError(`The payment could not be authorized: ${caught.message}`);
      } else {
        setError(caught.message);
      }
      return { ok: true };
    } finally {
      if (!leaving) {
        running.current = false;
        setPlacing(false);
      }
    }
  }

  return { placeOrder, placing, error };
}
