// Stripe's webhook endpoint. An unsigned request is refused before its body is read, a signed one
// is read only up to a size no Stripe event comes near, and the raw body is verified against
// STRIPE_WEBHOOK_SECRET before anything is taken from it (lib/payments/stripe.ts).
import { errorResponse, json, routeMethods, type RouteHandler } from "@/lib/api/store-route";
import { decodeUtf8, nestsDeeperThan, readBodyBytes } from "@/lib/api/request-body";
import { invalidData } from "@/lib/commerce/errors";
import { handlePaymentWebhook } from "@/lib/commerce/payment-webhooks";

const MAX_WEBHOOK_BYTES = 512 * 1024;
/** Stripe's events nest a handful of levels; far deeper is not an event and would not serialize. */
const MAX_WEBHOOK_DEPTH = 64;

const receive: RouteHandler = async (request) => {
  try {
    if (!request.headers.get("stripe-signature")) throw invalidData("The Stripe-Signature header is missing", "invalid_signature");
    const rawBody = decodeUtf8(await readBodyBytes(request, MAX_WEBHOOK_BYTES));
    refuseDeepJson(rawBody);
    return json(200, await handlePaymentWebhook("stripe", rawBody, request.headers));
  } catch (error) {
    return errorResponse(error, "stripe webhook");
  }
};

function refuseDeepJson(rawBody: string) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return; // not JSON: the signature check refuses it, or the parser ignores it
  }
  if (nestsDeeperThan(parsed, MAX_WEBHOOK_DEPTH)) {
    throw invalidData(`The webhook payload nests deeper than ${MAX_WEBHOOK_DEPTH} levels`, "too_deep");
  }
}

export const { GET, POST, DELETE } = routeMethods({ POST: receive });
