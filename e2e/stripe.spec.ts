// Paying by card with Stripe: success, a decline then another card, 3-D Secure passed, and
// 3-D Secure failed then retried. Offline the server talks to the Stripe emulator and the browser
// gets the Stripe.js stand-in (e2e/support/stripe.ts); with real test keys the same journeys run
// against Stripe itself.
//
//   STRIPE_EMULATOR_URL  the emulator the server was started against (its STRIPE_API_BASE), e.g.
//                        http://127.0.0.1:12111; the browser's Stripe.js stand-in calls it too
//   STRIPE_SECRET_KEY    set instead when the server runs against real Stripe test mode
import { expect, test, type Page } from "@playwright/test";
import { completeThreeDSecure, failThreeDSecure, fillCard, serveStripeJs } from "./support/stripe";
import {
  ADA,
  addToCart,
  confirmedOrderId,
  expectAccessible,
  expectCartCleared,
  expectCurrentStep,
  expectOrder,
  fillAddress,
  minorUnits,
  snap,
  watchForeignRequests,
} from "./support/storefront";

const emulatorUrl = process.env.STRIPE_EMULATOR_URL ?? process.env.STRIPE_API_BASE;
// The card helper tells emulator mode from real Stripe by STRIPE_API_BASE.
if (process.env.STRIPE_EMULATOR_URL && !process.env.STRIPE_API_BASE) process.env.STRIPE_API_BASE = process.env.STRIPE_EMULATOR_URL;

test.skip(
  !process.env.STRIPE_EMULATOR_URL && !process.env.STRIPE_SECRET_KEY,
  "Stripe is not configured: set STRIPE_EMULATOR_URL (the local Stripe emulator the server uses as STRIPE_API_BASE) or STRIPE_SECRET_KEY (real Stripe test mode) to run the card journeys",
);

const STRIPE_HOSTS = [".stripe.com", ".stripe.network", ...(emulatorUrl ? [new URL(emulatorUrl).host] : [])];

test.beforeEach(async ({ page }) => {
  await serveStripeJs(page, emulatorUrl ?? "");
});

/** Cart with one Steel Water Bottle (€24.00, stock not tracked, so reruns never run out), address, standard shipping; stops on the payment step with the card chosen. */
async function reachCardPayment(page: Page, email: string): Promise<void> {
  await addToCart(page, "steel-water-bottle");
  await page.goto("/checkout");
  await fillAddress(page, { ...ADA, email });
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await page.getByRole("radio", { name: /^Standard Shipping/ }).check();
  await expect(page.getByTestId("order-summary").getByTestId("shipping-total")).toHaveText("€4.95");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expectCurrentStep(page, "payment");
  const card = page.getByRole("radio", { name: /Credit or debit card/ });
  await card.check();
  await expect(card).toBeChecked();
  await expect(page.getByTestId("card-field").locator("iframe")).toBeVisible();
}

async function continueToReview(page: Page): Promise<number> {
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expectCurrentStep(page, "review");
  await expect(page.getByTestId("review-total")).toHaveText("€28.95"); // 24.00 + 4.95, VAT included
  return minorUnits((await page.getByTestId("review-total").textContent())!);
}

async function expectCardError(page: Page, message: RegExp): Promise<void> {
  await expectCurrentStep(page, "payment");
  await expect(page.getByTestId("card-error")).toHaveText(message);
  await expect(page.getByTestId("card-error")).toHaveAttribute("role", "alert");
}

test("card payment succeeds", async ({ page, request, baseURL }, testInfo) => {
  const foreign = watchForeignRequests(page, baseURL!, STRIPE_HOSTS);
  await reachCardPayment(page, "card-ok@example.com");
  await fillCard(page, "visa");
  await snap(page, testInfo, "card-entered");
  await expectAccessible(page, testInfo, "checkout-payment-card");
  const total = await continueToReview(page);
  await snap(page, testInfo, "review-card");
  await page.getByTestId("place-order").click();
  const orderId = await confirmedOrderId(page);
  await expectCartCleared(page);
  await snap(page, testInfo, "confirmation-card");
  await expectOrder(request, orderId, { total, items: [{ title: "Steel Water Bottle", quantity: 1 }], provider: "stripe" });
  expect(foreign).toEqual([]);
});

test("a declined card shows the reason, and another card then pays", async ({ page, request }, testInfo) => {
  await reachCardPayment(page, "card-declined@example.com");
  await fillCard(page, "declined");
  const total = await continueToReview(page);
  await page.getByTestId("place-order").click();
  await expectCardError(page, /declined/i);
  await snap(page, testInfo, "card-declined");
  await expectAccessible(page, testInfo, "checkout-payment-declined");

  await fillCard(page, "visa");
  await expect(page.getByTestId("card-error")).toHaveCount(0);
  await continueToReview(page);
  await page.getByTestId("place-order").click();
  const orderId = await confirmedOrderId(page);
  await snap(page, testInfo, "confirmation-after-decline");
  await expectOrder(request, orderId, { total, items: [{ title: "Steel Water Bottle", quantity: 1 }], provider: "stripe" });
});

test("3-D Secure: the shopper completes the bank's check", async ({ page, request }, testInfo) => {
  await reachCardPayment(page, "card-3ds@example.com");
  await fillCard(page, "3ds");
  const total = await continueToReview(page);
  await page.getByTestId("place-order").click();
  await snap(page, testInfo, "three-d-secure-challenge");
  await completeThreeDSecure(page);
  const orderId = await confirmedOrderId(page);
  await snap(page, testInfo, "confirmation-3ds");
  await expectOrder(request, orderId, { total, items: [{ title: "Steel Water Bottle", quantity: 1 }], provider: "stripe" });
});

test("3-D Secure: a failed check can be retried with another card", async ({ page, request }, testInfo) => {
  await reachCardPayment(page, "card-3ds-fail@example.com");
  await fillCard(page, "3ds");
  const total = await continueToReview(page);
  await page.getByTestId("place-order").click();
  await failThreeDSecure(page);
  await expectCardError(page, /authenticate/i);
  await snap(page, testInfo, "three-d-secure-failed");

  // No order exists for the cart yet.
  const cartId = (await page.context().cookies()).find((cookie) => cookie.name === "cart_id")?.value;
  expect(cartId).toBeTruthy();
  expect((await request.get(`/api/store/orders/cart/${cartId}`)).status()).toBe(404);

  await fillCard(page, "visa");
  await continueToReview(page);
  await page.getByTestId("place-order").click();
  const orderId = await confirmedOrderId(page);
  await snap(page, testInfo, "confirmation-after-3ds-retry");
  const order = await expectOrder(request, orderId, { total, items: [{ title: "Steel Water Bottle", quantity: 1 }], provider: "stripe" });
  expect(order.email).toBe("card-3ds-fail@example.com");
});
