// Tax, codes and gift cards as a shopper meets them: a German address shows the 19 % VAT inside
// the prices, a US address in New York gets 4 % sales tax added; a discount code and a gift card
// are applied and removed in the checkout; a gift card pays the whole order; and every order
// says to the cent what the page showed.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  ADA,
  addToCart,
  chooseTestPayment,
  confirmedOrderId,
  expectAccessible,
  expectCurrentStep,
  fillAddress,
  minorUnits,
  snap,
  step,
} from "./support/storefront";

const summary = (page: Page) => page.getByTestId("order-summary");

type ApiOrder = {
  total: number;
  tax_total: number;
  gift_card_total: number;
  summary: { items: number; discount: number; shipping: number; tax_added: number; tax_included: number; gift_card: number; total: number };
  tax_breakdown: { name: string; code: string | null; rate: number; amount: number }[];
  payments: { amount: number }[];
  discounts: { code: string }[];
  gift_cards: { code: string }[];
  items: { tax_lines: { rate: number; code: string | null }[] }[];
};

async function apiOrder(request: APIRequestContext, orderId: string): Promise<ApiOrder> {
  const response = await request.get(`/api/store/orders/${orderId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { order: ApiOrder }).order;
}

/** Every figure of the review's totals, as text, to compare with the confirmation. */
async function totalsText(scope: ReturnType<Page["getByTestId"]>): Promise<string[]> {
  return scope.locator(".totals__row").allInnerTexts();
}

test("Germany: prices include VAT; a code and a gift card applied and removed; the order equals the page", async ({ page, request }, testInfo) => {
  await page.goto("/");
  await expect(page.getByTestId("product-card").filter({ hasText: "Steel Water Bottle" })).toContainText("€24.00 incl. VAT");
  await addToCart(page, "steel-water-bottle");
  await expect(page.getByTestId("price-note")).toHaveText("incl. VAT");

  await page.goto("/cart");
  await expect(page.getByTestId("total")).toHaveText("€24.00");
  // No address yet: the home rate is shown inside the price, and the page says it is an estimate.
  await expect(page.getByTestId("tax-line")).toHaveText("€3.83"); // 24.00 × 19/119
  await expect(page.getByTestId("tax-estimate")).toBeVisible();

  await page.goto("/checkout");
  await fillAddress(page, { ...ADA, email: "vat@example.com" });
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await page.getByRole("radio", { name: /^Standard Shipping/ }).check();
  await expect(summary(page).getByTestId("total")).toHaveText("€28.95");
  await expect(summary(page).getByText("Includes VAT 19 % (DE)")).toBeVisible();
  await expect(summary(page).getByTestId("tax-line")).toHaveText("€4.62"); // 3.83 + 0.79 on shipping
  await expect(summary(page).getByTestId("tax-estimate")).toHaveCount(0);

  // A code, then a gift card: the discount comes off the shown price, the card pays after it.
  await summary(page).getByLabel("Discount code").fill("welcome10");
  await summary(page).getByRole("button", { name: "Apply" }).click();
  await expect(summary(page).getByTestId("discount-total")).toHaveText("−€2.40");
  await expect(summary(page).getByTestId("total")).toHaveText("€26.55");
  await summary(page).getByLabel("Gift card").fill("gift-eur-50");
  await summary(page).getByRole("button", { name: "Redeem" }).click();
  await expect(summary(page).getByTestId("gift-card-total")).toHaveText("−€26.55");
  await expect(summary(page).getByTestId("total")).toHaveText("€0.00");
  await expect(summary(page).getByTestId("gift-card-chip")).toContainText("GIFT-EUR-50");
  await snap(page, testInfo, "checkout-code-and-gift-card");
  await expectAccessible(page, testInfo, "checkout-code-and-gift-card");

  // Removing both gives the price back, to the cent.
  await summary(page).getByRole("button", { name: "Remove gift card GIFT-EUR-50" }).click();
  await expect(summary(page).getByTestId("gift-card-total")).toHaveCount(0);
  await summary(page).getByRole("button", { name: "Remove discount code WELCOME10" }).click();
  await expect(summary(page).getByTestId("discount-total")).toHaveCount(0);
  await expect(summary(page).getByTestId("total")).toHaveText("€28.95");

  // An expired code is refused in plain words.
  await summary(page).getByLabel("Discount code").fill("SUMMER24");
  await summary(page).getByRole("button", { name: "Apply" }).click();
  await expect(summary(page).getByRole("alert")).toHaveText("The code SUMMER24 expired on 1 September 2024.");

  await page.getByRole("button", { name: "Continue to payment" }).click();
  await chooseTestPayment(page);
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expectCurrentStep(page, "review");
  const review = step(page, "review");
  await expect(page.getByTestId("review-total")).toHaveText("€28.95");
  const shown = await totalsText(review.getByTestId("review-totals"));
  await snap(page, testInfo, "review-vat");
  await page.getByTestId("place-order").click();

  const orderId = await confirmedOrderId(page);
  const confirmation = page.getByTestId("totals");
  await expect(confirmation.getByTestId("total")).toHaveText("€28.95");
  expect(await totalsText(page.locator("section").filter({ has: confirmation }))).toEqual(shown);
  await snap(page, testInfo, "confirmation-vat");
  const order = await apiOrder(request, orderId);
  expect(order.total).toBe(minorUnits("€28.95"));
  expect(order.tax_total).toBe(462);
  expect(order.tax_breakdown).toEqual([{ name: "VAT", code: "DE", rate: 19, amount: 462 }]);
  expect(order.items[0].tax_lines.map((line) => line.rate)).toEqual([19]);
  expect(order.payments[0].amount).toBe(order.total);
});

test("United States: the state is asked for, New York's sales tax is added, and the order equals the page", async ({ page, request }, testInfo) => {
  await page.goto("/");
  await page.getByLabel("Ship to").selectOption({ label: "United States · USD" });
  await expect(page.getByTestId("product-card").filter({ hasText: "Steel Water Bottle" })).toContainText("$27.00 + tax");
  await addToCart(page, "steel-water-bottle");

  await page.goto("/checkout");
  await fillAddress(page, { ...ADA, email: "ny@example.com", country: "United States", address: "350 5th Ave", city: "New York", postalCode: "10118", phone: "+1 212 555 0100" });
  // Without a state the form says what is missing.
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await expect(page.getByLabel("State")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("State").selectOption({ label: "New York" });
  await snap(page, testInfo, "address-with-state");
  await expectAccessible(page, testInfo, "address-with-state");
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await page.getByRole("radio", { name: /^Standard Shipping/ }).check();
  await expect(summary(page).getByText("Sales tax 4 % (US-NY)")).toBeVisible();
  await expect(summary(page).getByTestId("tax-line")).toHaveText("$1.32"); // 4 % of 27.00 and of 5.95
  await expect(summary(page).getByTestId("total")).toHaveText("$34.27");

  await page.getByRole("button", { name: "Continue to payment" }).click();
  await chooseTestPayment(page);
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expect(page.getByTestId("review-total")).toHaveText("$34.27");
  await expect(step(page, "review")).toContainText("NY");
  const shown = await totalsText(step(page, "review").getByTestId("review-totals"));
  await page.getByTestId("place-order").click();

  const orderId = await confirmedOrderId(page);
  const confirmation = page.getByTestId("totals");
  await expect(confirmation.getByTestId("total")).toHaveText("$34.27");
  expect(await totalsText(page.locator("section").filter({ has: confirmation }))).toEqual(shown);
  await snap(page, testInfo, "confirmation-sales-tax");
  await expectAccessible(page, testInfo, "confirmation-sales-tax");
  const order = await apiOrder(request, orderId);
  expect(order.total).toBe(3427);
  expect(order.tax_breakdown).toEqual([{ name: "Sales tax", code: "US-NY", rate: 4, amount: 132 }]);
  expect(order.payments[0].amount).toBe(3427);
});

test("a gift card that covers the whole order: no payment method needed, the order says what the card paid", async ({ page, request }, testInfo) => {
  await addToCart(page, "canvas-tote"); // €19.00
  await page.goto("/cart");
  await page.getByLabel("Gift card").fill("GIFT-EUR-50");
  await page.getByRole("button", { name: "Redeem" }).click();
  await expect(page.getByTestId("gift-card-chip")).toContainText("balance €50.00");
  await expect(page.getByTestId("total")).toHaveText("€0.00");

  await page.goto("/checkout");
  await fillAddress(page, { ...ADA, email: "giftcard@example.com" });
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await page.getByRole("radio", { name: /^Standard Shipping/ }).check();
  await expect(summary(page).getByTestId("gift-card-total")).toHaveText("−€23.95");
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByTestId("nothing-to-pay")).toBeVisible();
  await snap(page, testInfo, "payment-nothing-to-pay");
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expect(page.getByTestId("review-total")).toHaveText("€0.00");
  await expect(step(page, "review")).toContainText("Paid in full by gift card");
  await page.getByTestId("place-order").click();

  const orderId = await confirmedOrderId(page);
  await expect(page.getByTestId("totals").getByTestId("gift-card-total")).toHaveText("−€23.95");
  await expect(page.getByTestId("totals").getByTestId("total")).toHaveText("€0.00");
  await snap(page, testInfo, "confirmation-gift-card");
  await expectAccessible(page, testInfo, "confirmation-gift-card");
  const order = await apiOrder(request, orderId);
  expect(order.total).toBe(0);
  expect(order.gift_card_total).toBe(2395);
  expect(order.gift_cards.map((card) => card.code)).toEqual(["GIFT-EUR-50"]);
  expect(order.payments).toEqual([]);
});

