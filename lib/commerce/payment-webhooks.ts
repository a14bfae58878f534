// Payment provider webhooks: the provider tells us a payment was authorized or failed, e.g. a
// shopper who paid and closed the tab. An authorization completes the cart through the same
// exactly-once path as /complete, which asks the provider afresh, so duplicate and out-of-order
// deliveries change nothing. An authorization that no order and no open session of its cart uses
// (the shopper paid a session the cart had already left) is given back (orphaned-payments.ts).
import { db } from "../db/client";
import { getPaymentProvider, isPaymentProviderInstalled } from "../payments/registry";
import { PaymentProviderError } from "../payments/provider";
import { completeCart } from "./complete-cart";
import { invalidData, notFound, StoreError } from "./errors";
import { looksLikeId } from "./ids";
import { findPaymentUse, releaseOrphanedPayment } from "../order-management/orphaned-payments";
import {
  findOrderIdByPaymentReference,
  markDisputed,
  syncCancelFromProvider,
  syncCaptureFromProvider,
  syncRefundsFromProvider,
} from "../order-management/provider-sync";

export type WebhookOutcome = { received: true; outcome: string };

export async function handlePaymentWebhook(providerId: string, rawBody: string, headers: Headers): Promise<WebhookOutcome> {
  if (!isPaymentProviderInstalled(providerId)) throw notFound("Payment provider", providerId);
  const provider = getPaymentProvider(providerId);
  if (!provider.parseWebhook) throw notFound("Webhook of payment provider", providerId);
  const event = await provider.parseWebhook(rawBody, headers).catch((error: unknown) => {
    if (error instanceof PaymentProviderError) throw invalidData(error.message, error.code);
    throw error;
  });

  if (event.kind === "ignored") return { received: true, outcome: `ignored: ${event.reason}` };
  if (event.kind === "payment_canceled" || event.kind === "payment_refunded" || event.kind === "payment_disputed") {
    const orderId = await findOrderIdByPaymentReference(providerId, event.reference);
    if (!orderId) return { received: true, outcome: "ignored: no order has this payment" };
    if (event.kind === "payment_canceled") return { received: true, outcome: await syncCancelFromProvider(orderId, providerId, event.data) };
    if (event.kind === "payment_refunded") return { received: true, outcome: await syncRefundsFromProvider(orderId, providerId, event.amountRefunded) };
    return { received: true, outcome: await markDisputed(orderId, providerId, event) };
  }
  if (!looksLikeId("cart", event.cartId)) return { received: true, outcome: "ignored: unknown cart" };
  const reference = provider.paymentReference(event.data);
  if (!reference) return { received: true, outcome: "ignored: the payment has no reference" };

  if (event.kind === "payment_failed") {
    const marked = await db().paymentSession.updateMany({
      where: { cartId: event.cartId, providerId, providerReference: reference, cart: { completedAt: null } },
      data: { status: "error", dataJson: JSON.stringify(event.data) },
    });
    return { received: true, outcome: marked.count ? "payment session marked as failed" : "ignored: no open session" };
  }

  const use = await findPaymentUse(providerId, event.cartId, reference);
  switch (use.kind) {
    case "unknown_cart":
      return { received: true, outcome: "ignored: unknown cart" };
    case "unused":
      return { received: true, outcome: await releaseOrphanedPayment(providerId, event.cartId, reference, { orderId: use.orderId, reason: "unused" }) };
    case "order":
      // A payment of an order already placed was captured at the provider (e.g. in its dashboard).
      return { received: true, outcome: await syncCaptureFromProvider(use.orderId, providerId, event.data) };
    case "open_session":
      // Completion authorizes the selected session: a payment the cart only keeps aside (the
      // shopper chose another provider since) must not complete it with that other provider.
      if (use.cartId !== event.cartId || !use.selected) return { received: true, outcome: "ignored: the payment's session is not the cart's selected one" };
  }

  try {
    const result = await completeCart(event.cartId);
    return { received: true, outcome: result.type === "order" ? `order ${result.data.id}` : `cart still ${result.payment_status}` };
  } catch (error) {
    // The cart cannot become an order (not ready, mismatched amount, sold out): retrying the
    // delivery would not change that, so it is acknowledged and left for the merchant. A conflict
    // (another completion in flight) is worth a retry, so it is passed on as a 409.
    if (error instanceof StoreError && error.status !== 409) return { received: true, outcome: `not completed: ${error.message}` };
    throw error;
  }
}
