// The merchant's side for the API suites: the demo admin signed in through medusa-js's admin
// client, orders placed as a shopper would, and medusa-js's refusals read as {status, body}.
import Medusa from "@medusajs/medusa-js";
import { api, expectOk, readyCart, STORE_URLS } from "./store-api";
import { completeCart } from "./stripe-test-kit";

/** Seeded with the demo store (prisma/seed.ts), named in the README. */
export const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" };

export const storeBase = (instance = 0) => `${STORE_URLS[instance % STORE_URLS.length]}/api`;

/**
 * medusa-js in Node keeps no token or cookie itself: a client carries the credentials it is given.
 * With maxRetries it repeats a 409 ("another change to this order is in progress", e.g. Stripe's
 * webhook reporting a change back) as a merchant's client would.
 */
export function adminClient(headers: Record<string, string>, instance = 0, maxRetries = 0): Medusa {
  return new Medusa({ baseUrl: storeBase(instance), maxRetries, customHeaders: headers });
}

let demoToken: Promise<string> | undefined;

/** One bearer token for the demo admin per test file (sign-ins are rate limited per address). */
export function demoAdminToken(): Promise<string> {
  return (demoToken ??= new Medusa({ baseUrl: storeBase(), maxRetries: 0 }).admin.auth.getToken(DEMO_ADMIN).then((answer) => answer.access_token));
}

export async function demoAdmin(instance = 0, maxRetries = 0): Promise<Medusa> {
  return adminClient({ Authorization: `Bearer ${await demoAdminToken()}` }, instance, maxRetries);
}

/** A medusa-js call that must be refused: its status and JSON body. */
export async function refusal(call: Promise<unknown>): Promise<{ status: number; body: any }> {
  try {
    const answer = await call;
    throw new Error(`expected a refusal, got ${JSON.stringify(answer).slice(0, 300)}`);
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    if (!response) throw error;
    return { status: response.status, body: response.data };
  }
}

/** The shopper's order: a cart with these items paid with `provider` (manual authorizes at once). */
export async function placeOrder(items: { variant_id: string; quantity: number }[], provider = "manual") {
  const cart = await readyCart({ items, provider });
  const answer = await completeCart(cart.id);
  const body = expectOk(answer, "complete the cart");
  if (body.type !== "order") throw new Error(`the cart did not become an order: ${JSON.stringify(body).slice(0, 300)}`);
  return body.data;
}

/** What must not change when an action is refused. */
export function orderState(order: any) {
  return {
    status: order.status,
    payment_status: order.payment_status,
    fulfillment_status: order.fulfillment_status,
    paid_total: order.paid_total,
    refunded_total: order.refunded_total,
    payments: order.payments.map((payment: any) => ({ amount_refunded: payment.amount_refunded, captured_at: payment.captured_at, canceled_at: payment.canceled_at })),
    refunds: order.refunds.length,
    fulfillments: order.fulfillments.map((fulfillment: any) => ({ id: fulfillment.id, shipped_at: fulfillment.shipped_at, canceled_at: fulfillment.canceled_at })),
    items: order.items.map((item: any) => [item.fulfilled_quantity, item.shipped_quantity]),
    activities: order.activities.length,
  };
}

export { api, expectOk };
