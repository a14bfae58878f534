// Discount codes: apply one on the cart page, an unknown code changes nothing, remove it, apply it
// again from the checkout sidebar with the keyboard and buy; the order keeps the discount. Also a
// code of another region, and a code the region switch takes away.
import { expect, test, type APIRequestContext, type Locator, type Page } from "@playwright/test";
import {
  ADA,
  addToCart,
  cartCount,
  chooseTestPayment,
  confirmedOrderId,
  expectAccessible,
  expectCartCleared,
  expectCurrentStep,
  expectOrder,
  fillAddress,
  minorUnits,
  snap,
  step,
  tabTo,
} from "./support/storefront";

type ApiCart = {
  id: string;
  subtotal: number;
  discount_total: number;
  tax_total: number;
  shipping_total: number;
  total: number;
  discounts: { code: string }[];
  items: { discount_total: number }[];
  /** The money as the shopper reads it: the discount in prices as shown (VAT included in Europe). */
  summary: { discount: number };
};

const summary = (page: Page) => page.getByTestId("order-summary");
const codeInput = (scope: Page | Locator) => scope.getByLabel("Discount code");
const discountAlert = (page: Page) => page.getByRole("alert").filter({ hasText: /code/ });

async function cartIdOf(page: Page): Promise<string> {
  const id = (await page.context().cookies()).find((cookie) => cookie.name === "cart_id")?.value;
  expect(id, "cart_id cookie").toMatch(/^cart_/);
  return id!;
}

async function apiCart(request: APIRequestContext, cartId: string): Promise<ApiCart> {
  const response = await request.get(`/api/store/carts/${cartId}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { cart: ApiCart }).cart;
}

test("apply, reject, remove and re-apply a code, then buy with it", async ({ page, request }, testInfo) => {
  await addToCart(page, "canvas-tote", {}, 2);
  await page.goto("/cart");
  await expect(page.getByTestId("subtotal")).toHaveText("€38.00");
  await expect(page.getByTestId("discount-total")).toHaveCount(0);
  const cartId = await cartIdOf(page);

  // Lower case works: codes are case-insensitive, and the chip shows the code as the store has it.
  await codeInput(page).fill("welcome10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("discount-chip")).toContainText("WELCOME10");
  await expect(page.getByTestId("discount-total")).toHaveText("−€3.80");
  await expect(page.getByTestId("subtotal")).toHaveText("€38.00");
  await expect(codeInput(page)).toHaveValue("");
  const applied = await apiCart(request, cartId);
  expect(applied.discounts.map((discount) => discount.code)).toEqual(["WELCOME10"]);
  // Prices include VAT: €3.80 off the shown price; Medusa v1's discount_total is without the VAT.
  expect(applied.summary.discount).toBe(380);
  expect(applied.items.reduce((sum, item) => sum + item.discount_total, 0)).toBe(applied.discount_total);
  // 38.00 − 3.80 = 34.20 paid; the 19 % VAT inside it is 5.46 (no address yet: the home rate).
  expect(applied.tax_total).toBe(546);
  expect(applied.total).toBe(applied.subtotal - applied.discount_total + applied.tax_total + applied.shipping_total);
  expect(applied.total).toBe(3420);
  await snap(page, testInfo, "cart-code-applied");
  await expectAccessible(page, testInfo, "cart-code-applied");

  // An unknown code: said in plain words, and the cart (and the code on it) stays as it was.
  await codeInput(page).fill("NOSUCHCODE");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(discountAlert(page)).toHaveText("The code NOSUCHCODE does not exist. Check the spelling and try again.");
  await expect(codeInput(page)).toHaveAttribute("aria-invalid", "true");
  await expect(codeInput(page)).toBeFocused();
  await expect(page.getByTestId("discount-chip")).toContainText("WELCOME10");
  await expect(page.getByTestId("discount-total")).toHaveText("−€3.80");
  await expect(page.getByTestId("cart-line")).toHaveCount(1);
  await expect(cartCount(page)).toHaveText("2");
  expect(await cartIdOf(page)).toBe(cartId);
  const afterUnknown = await apiCart(request, cartId);
  expect(afterUnknown.discounts.map((discount) => discount.code)).toEqual(["WELCOME10"]);
  expect(afterUnknown.total).toBe(applied.total);
  await snap(page, testInfo, "cart-unknown-code");
  await expectAccessible(page, testInfo, "cart-unknown-code");

  // Remove: the row goes, and the server agrees.
  await page.getByRole("button", { name: "Remove discount code WELCOME10" }).click();
  await expect(page.getByTestId("discount-chip")).toHaveCount(0);
  await expect(page.getByTestId("discount-total")).toHaveCount(0);
  await expect(discountAlert(page)).toHaveCount(0);
  await expect(page.getByTestId("subtotal")).toHaveText("€38.00");
  const removed = await apiCart(request, cartId);
  expect(removed.discounts).toEqual([]);
  expect(removed.discount_total).toBe(0);
  expect(removed.total).toBe(3800);
  await snap(page, testInfo, "cart-code-removed");

  // Apply it again from the checkout sidebar, by keyboard only.
  await page.getByRole("link", { name: "Go to checkout" }).click();
  await expectCurrentStep(page, "address");
  await tabTo(page, codeInput(summary(page)));
  await page.keyboard.type("Welcome10");
  await page.keyboard.press("Enter");
  await expect(summary(page).getByTestId("discount-chip")).toContainText("WELCOME10");
  await expect(summary(page).getByTestId("discount-total")).toHaveText("−€3.80");
  await expect(summary(page).getByTestId("total")).toHaveText("€34.20");
  expect(minorUnits((await summary(page).getByTestId("total").textContent())!)).toBe((await apiCart(request, cartId)).total);
  await snap(page, testInfo, "checkout-code-applied");

  await fillAddress(page);
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await expectCurrentStep(page, "delivery");
  // The free-shipping threshold counts the subtotal before discounts, as the server does.
  await expect(page.getByTestId("free-shipping-hint")).toHaveText("Add €12.00 more for free shipping");
  await page.getByRole("radio", { name: /^Standard Shipping/ }).check();
  await expect(summary(page).getByTestId("shipping-total")).toHaveText("€4.95");
  // 38.00 − 3.80 + 4.95 shipping, VAT included = 39.15
  await expect(summary(page).getByTestId("total")).toHaveText("€39.15");
  const withShipping = await apiCart(request, cartId);
  expect(withShipping.summary.discount).toBe(380);
  expect(withShipping.total).toBe(3915);
  await page.getByRole("button", { name: "Continue to payment" }).click();

  await expectCurrentStep(page, "payment");
  await chooseTestPayment(page);
  await page.getByRole("button", { name: "Continue to review" }).click();

  await expectCurrentStep(page, "review");
  await expect(step(page, "review").getByTestId("discount-total")).toHaveText("−€3.80");
  await expect(step(page, "review")).toContainText("WELCOME10");
  await expect(page.getByTestId("review-total")).toHaveText("€39.15");
  const shownTotal = minorUnits((await page.getByTestId("review-total").textContent())!);
  await snap(page, testInfo, "checkout-review-with-code");
  await expectAccessible(page, testInfo, "checkout-review-with-code");
  await page.getByTestId("place-order").click();

  const orderId = await confirmedOrderId(page);
  const totals = page.getByTestId("totals");
  await expect(totals.getByTestId("discount-total")).toHaveText("−€3.80");
  await expect(totals).toContainText("WELCOME10");
  await expect(totals.getByTestId("total")).toHaveText("€39.15");
  await expectCartCleared(page);
  await snap(page, testInfo, "confirmation-with-code");
  await expectAccessible(page, testInfo, "confirmation-with-code");

  await expectOrder(request, orderId, { total: shownTotal, items: [{ title: "Canvas Tote", quantity: 2 }], provider: "manual", email: ADA.email });
  const { order } = (await (await request.get(`/api/store/orders/${orderId}`)).json()) as {
    order: { discount_total: number; discounts: { code: string }[]; total: number; summary: { discount: number } };
  };
  expect(order.summary.discount).toBe(380);
  expect(order.discount_total).toBe(withShipping.discount_total);
  expect(order.discounts.map((discount) => discount.code)).toEqual(["WELCOME10"]);
  expect(order.total).toBe(3915);
});

test("a code of another region is refused in plain words; switching region drops a regional code", async ({ page, request }, testInfo) => {
  await addToCart(page, "canvas-tote");
  await page.goto("/cart");
  const cartId = await cartIdOf(page);

  // EURO5 is €5.00 off, in Europe only.
  await codeInput(page).fill("EURO5");
  await codeInput(page).press("Enter");
  await expect(page.getByTestId("discount-chip")).toContainText("EURO5");
  await expect(page.getByTestId("discount-total")).toHaveText("−€5.00");
  expect((await apiCart(request, cartId)).summary.discount).toBe(500);

  // A move to the United States takes the Europe-only code off the cart.
  await page.getByLabel("Ship to").selectOption({ label: "United States · USD" });
  await expect(page.getByTestId("subtotal")).toHaveText("$22.00");
  await expect(page.getByTestId("discount-chip")).toHaveCount(0);
  await expect(page.getByTestId("discount-total")).toHaveCount(0);
  expect((await apiCart(request, cartId)).discounts).toEqual([]);

  await codeInput(page).fill("euro5");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(discountAlert(page)).toHaveText("The code EURO5 cannot be used in United States.");
  await expect(page.getByTestId("discount-total")).toHaveCount(0);
  await expect(cartCount(page)).toHaveText("1");
  await snap(page, testInfo, "cart-code-other-region");

  // WELCOME10 works everywhere; the error goes once a code is accepted.
  await codeInput(page).fill("WELCOME10");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByTestId("discount-total")).toHaveText("−$2.20");
  await expect(discountAlert(page)).toHaveCount(0);
  const cart = await apiCart(request, cartId);
  expect(cart.discount_total).toBe(220); // US prices are without tax: the discount is as shown
  expect(cart.discounts.map((discount) => discount.code)).toEqual(["WELCOME10"]);

  // Empty input: asks for a code instead of sending one.
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(discountAlert(page)).toHaveText("Enter a discount code.");
  await expect(page.getByTestId("discount-chip")).toContainText("WELCOME10");
});
