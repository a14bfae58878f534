// Stripe's webhook endpoint. The raw body is verified against STRIPE_WEBHOOK_SECRET before
// anything is read from it.
import { json } from "@/lib/api/store-route";
import { StoreError } from "@/lib/commerce/errors";
import { handlePaymentWebhook } from "@/lib/commerce/payment-webhooks";

export async function POST(request: Request): Promise<Response> {
  try {
    return json(200, await handlePaymentWebhook("stripe", await request.text(), request.headers));
  } catch (error) {
    if (error instanceof StoreError) return json(error.status, error.toJSON());
    console.error("stripe webhook: unexpected error", error);
    return json(500, { type: "unknown_error", message: "An unexpected error occurred" });
  }
}
