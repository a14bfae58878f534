// Stripe PaymentIntent status → payment session status (pure, as Medusa's Stripe plugin maps it).
import type { PaymentSessionStatus } from "./provider";

export function paymentSessionStatusOfIntent(intentStatus: string): PaymentSessionStatus {
  switch (intentStatus) {
    case "requires_payment_method":
    case "requires_confirmation":
    case "processing":
      return "pending";
    case "requires_action":
      return "requires_more";
    case "requires_capture":
    case "succeeded":
      return "authorized";
    case "canceled":
      return "canceled";
    default:
      return "error";
  }
}

/** Stripe accepts amount changes only before the payment is confirmed. */
export function intentAcceptsUpdates(intentStatus: string): boolean {
  return ["requires_payment_method", "requires_confirmation", "requires_action"].includes(intentStatus);
}

export function intentCanBeCanceled(intentStatus: string): boolean {
  return ["requires_payment_method", "requires_confirmation", "requires_action", "requires_capture", "processing"].includes(intentStatus);
}
