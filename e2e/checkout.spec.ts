// Buying with the built-in test provider ("manual"): with the mouse, with the keyboard alone,
// and on a phone-sized screen. Each journey ends by reading the order back from the Store API.
import { expect, test } from "@playwright/test";
import {
  ADA,
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
  watchForeignRequests,
} from "./support/storefront";

test.describe("checkout with the test payment provider", () => {
  test("mouse: home → product → cart → four steps → confirmation", async ({ page, request, baseURL }, testInfo) => {
    const foreign = watchForeignRequests(page, baseURL!);

    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("product-card")).toHaveCount(9);
    await expect(page.getByTestId("product-card").filter({ hasText: "Canvas Tote" })).toContainText("€19.00");
    await snap(page, testInfo, "home");
    await expectAccessible(page, testInfo, "home");

    await page.getByRole("link", { name: /Canvas Tote/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Canvas Tote" })).toBeVisible();
    await expect(page.getByTestId("stock-state")).toHaveText(/^(In stock|Only \d left)$/);
    await page.getByRole("button", { name: "Increase quantity" }).click();
    await expect(page.getByRole("spinbutton", { name: "Quantity" })).toHaveValue("2");
    await snap(page, testInfo, "product");
    await expectAccessible(page, testInfo, "product");
    await page.getByRole("button", { name: "Add to cart" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Added 2 × Canvas Tote" })).toBeVisible();
    await expect(cartCount(page)).toHaveText("2");

    await page.getByRole("link", { name: /^Cart 2 items$/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Your cart/ })).toBeVisible();
    await expect(page.getByTestId("cart-line")).toHaveCount(1);
    await expect(page.getByTestId("subtotal")).toHaveText("€38.00");
    await snap(page, testInfo, "cart");
    await expectAccessible(page, testInfo, "cart");

    await page.getByRole("link", { name: "Go to checkout" }).click();
    await expectCurrentStep(page, "address");
    await snap(page, testInfo, "checkout-address-empty");
    await expectAccessible(page, testInfo, "checkout-address");
    // Submitting empty fields names what is missing, and nothing is sent.
    await page.getByRole("button", { name: "Continue to delivery" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Please correct the highlighted fields." })).toBeVisible();
    await expect(page.getByText("Enter your email address")).toBeVisible();
    await expect(page.getByLabel("Email")).toBeFocused();
    await snap(page, testInfo, "checkout-address-errors");
    await fillAddress(page);
    await snap(page, testInfo, "checkout-address-filled");
    await page.getByRole("button", { name: "Continue to delivery" }).click();

    await expectCurrentStep(page, "delivery");
    await expect(step(page, "address")).toContainText("ada@example.com");
    await expect(page.getByTestId("free-shipping-hint")).toHaveText("Add €12.00 more for free shipping");
    await expect(page.getByRole("radio", { name: /Free Standard Shipping/ })).toHaveCount(0);
    await page.getByRole("radio", { name: /^Standard Shipping/ }).check();
    await expect(page.getByTestId("order-summary").getByTestId("shipping-total")).toHaveText("€4.95");
    await snap(page, testInfo, "checkout-delivery");
    await expectAccessible(page, testInfo, "checkout-delivery");
    await page.getByRole("button", { name: "Continue to payment" }).click();

    await expectCurrentStep(page, "payment");
    await chooseTestPayment(page);
    await snap(page, testInfo, "checkout-payment");
    await expectAccessible(page, testInfo, "checkout-payment");
    await page.getByRole("button", { name: "Continue to review" }).click();

    await expectCurrentStep(page, "review");
    const review = step(page, "review");
    await expect(review).toContainText("Canvas Tote");
    await expect(review).toContainText("Unter den Linden 1");
    await expect(review).toContainText("Standard Shipping");
    await expect(review).toContainText("Test payment");
    await expect(review.getByTestId("review-test-payment")).toHaveText("This is a test payment: no money moves.");
    // 38.00 + 4.95 shipping; Europe's prices include VAT, so that is the total
    await expect(page.getByTestId("review-total")).toHaveText("€42.95");
    const shownTotal = minorUnits((await page.getByTestId("review-total").textContent())!);
    await snap(page, testInfo, "checkout-review");
    await expectAccessible(page, testInfo, "checkout-review");

    // A double click places one order (the button ignores clicks while the first is running).
    await page.getByTestId("place-order").dblclick();
    const orderId = await confirmedOrderId(page);
    await expect(page.getByTestId("order-number")).toHaveText(/^#\d+$/);
    await expect(page.getByTestId("payment-state")).toContainText("Test payment");
    await expect(page.getByTestId("order-item")).toHaveCount(1);
    await expect(page.getByTestId("totals").getByTestId("total")).toHaveText("€42.95");
    await expectCartCleared(page);
    await snap(page, testInfo, "confirmation");
    await expectAccessible(page, testInfo, "confirmation");

    const order = await expectOrder(request, orderId, {
      total: shownTotal,
      items: [{ title: "Canvas Tote", quantity: 2 }],
      provider: "manual",
      email: ADA.email,
    });
    await expect(page.getByTestId("order-number")).toHaveText(`#${order.display_id}`);
    expect(foreign, "requests to hosts other than the store").toEqual([]);
  });

  test("keyboard only: the same purchase without the mouse", async ({ page, request, baseURL }, testInfo) => {
    const foreign = watchForeignRequests(page, baseURL!);
    const keyboard = page.keyboard;

    await page.goto("/");
    // The skip link is the first stop and moves focus to the content.
    await keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await snap(page, testInfo, "skip-link");
    await keyboard.press("Enter");

    await tabTo(page, page.getByRole("link", { name: /Organic Cotton Tee/ }));
    await snap(page, testInfo, "home-focus-on-product");
    await keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: "Organic Cotton Tee" })).toBeVisible();

    // Options are radio groups: Tab into the group, arrows move between values.
    await tabTo(page, page.getByRole("radio", { name: "S", exact: true }));
    await keyboard.press("ArrowRight"); // M
    await expect(page.getByRole("radio", { name: "M", exact: true })).toBeChecked();
    await tabTo(page, page.getByRole("radio", { name: "White", exact: true }));
    await keyboard.press("ArrowRight"); // Black
    await expect(page.getByRole("radio", { name: "Black", exact: true })).toBeChecked();
    await expect(page.getByTestId("stock-state")).toBeVisible();
    await tabTo(page, page.getByRole("button", { name: "Add to cart" }));
    await snap(page, testInfo, "product-keyboard");
    await keyboard.press("Enter");
    await expect(cartCount(page)).toHaveText("1");

    await tabTo(page, page.getByRole("link", { name: "View cart" }));
    await keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: /Your cart/ })).toBeVisible();
    await expect(page.getByTestId("cart-line")).toContainText("M / Black");
    await tabTo(page, page.getByRole("button", { name: /Increase quantity of Organic Cotton Tee/ }));
    await keyboard.press("Enter");
    await expect(cartCount(page)).toHaveText("2");
    await expect(page.getByRole("button", { name: /Increase quantity of Organic Cotton Tee/ })).toBeFocused();
    await tabTo(page, page.getByRole("link", { name: "Go to checkout" }));
    await snap(page, testInfo, "cart-keyboard");
    await keyboard.press("Enter");

    await expectCurrentStep(page, "address");
    const fields: [string, string][] = [
      ["Email", ADA.email],
      ["First name", ADA.firstName],
      ["Last name", ADA.lastName],
      ["Street and house number", ADA.address],
      ["Postal code", ADA.postalCode],
      ["City", ADA.city],
    ];
    for (const [label, value] of fields) {
      await tabTo(page, page.getByLabel(label, { exact: true }));
      await keyboard.type(value);
    }
    await tabTo(page, page.getByLabel("Country"));
    await keyboard.type("France");
    await expect(page.getByLabel("Country")).toHaveValue("fr");
    await tabTo(page, page.getByRole("button", { name: "Continue to delivery" }));
    await snap(page, testInfo, "address-keyboard");
    await keyboard.press("Enter");

    await expectCurrentStep(page, "delivery");
    // Focus follows the step that opened.
    await expect(page.getByRole("heading", { name: "Delivery", exact: true })).toBeFocused();
    // A radio group is one Tab stop; the arrow keys choose within it.
    // 2 × €25.00 reaches the free-shipping threshold, so the cheapest option is free.
    await tabTo(page, page.getByRole("radio", { name: /^Free Standard Shipping/ }));
    await keyboard.press("Space");
    await expect(page.getByRole("radio", { name: /^Free Standard Shipping/ })).toBeChecked();
    await keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: /Express Shipping/ })).toBeChecked();
    await expect(page.getByRole("radio", { name: /Express Shipping/ })).toBeFocused();
    await expect(page.getByTestId("order-summary").getByTestId("shipping-total")).toHaveText("€14.95");
    await tabTo(page, page.getByRole("button", { name: "Continue to payment" }));
    await keyboard.press("Enter");

    await expectCurrentStep(page, "payment");
    const testPayment = page.getByRole("radio", { name: /Test payment/ });
    await expect(testPayment).toBeVisible();
    if (!(await testPayment.isChecked())) {
      await tabTo(page, testPayment);
      await keyboard.press("Space");
    }
    await expect(page.getByTestId("manual-payment-notice")).toBeVisible();
    await tabTo(page, page.getByRole("button", { name: "Continue to review" }));
    await snap(page, testInfo, "payment-keyboard");
    await keyboard.press("Enter");

    await expectCurrentStep(page, "review");
    // 2 × 25.00 + 14.95 express, VAT included
    await expect(page.getByTestId("review-total")).toHaveText("€64.95");
    const shownTotal = minorUnits((await page.getByTestId("review-total").textContent())!);
    await tabTo(page, page.getByTestId("place-order"));
    await snap(page, testInfo, "review-keyboard");
    await keyboard.press("Enter");

    const orderId = await confirmedOrderId(page);
    await expectCartCleared(page);
    await snap(page, testInfo, "confirmation-keyboard");
    await expectOrder(request, orderId, { total: shownTotal, items: [{ title: "Organic Cotton Tee", quantity: 2 }], provider: "manual" });
    expect(foreign).toEqual([]);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test("mobile: a complete purchase at 390×844", async ({ page, request, baseURL }, testInfo) => {
    const foreign = watchForeignRequests(page, baseURL!);
    await page.goto("/");
    await snap(page, testInfo, "mobile-home");
    // Nothing overflows sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole("link", { name: /Steel Water Bottle/ }).click();
    await expect(page.getByTestId("stock-state")).toHaveText("In stock");
    await snap(page, testInfo, "mobile-product");
    await page.getByRole("button", { name: "Add to cart" }).tap();
    await expect(cartCount(page)).toHaveText("1");

    await page.getByRole("link", { name: /^Cart 1 item$/ }).tap();
    await expect(page.getByTestId("free-shipping-hint")).toHaveText("Add €26.00 more for free shipping");
    await snap(page, testInfo, "mobile-cart");
    await expectAccessible(page, testInfo, "mobile-cart");
    await page.getByRole("link", { name: "Go to checkout" }).tap();

    await expectCurrentStep(page, "address");
    await fillAddress(page, { ...ADA, email: "mobile@example.com", country: "Netherlands", city: "Amsterdam", postalCode: "1012 AB", address: "Dam 1" });
    await snap(page, testInfo, "mobile-address");
    await page.getByRole("button", { name: "Continue to delivery" }).tap();

    await expectCurrentStep(page, "delivery");
    await page.getByRole("radio", { name: /^Standard Shipping/ }).check();
    await expect(page.getByTestId("order-summary").getByTestId("shipping-total")).toHaveText("€4.95");
    await snap(page, testInfo, "mobile-delivery");
    await page.getByRole("button", { name: "Continue to payment" }).tap();

    await expectCurrentStep(page, "payment");
    await chooseTestPayment(page);
    await snap(page, testInfo, "mobile-payment");
    await page.getByRole("button", { name: "Continue to review" }).tap();

    await expectCurrentStep(page, "review");
    await expect(page.getByTestId("review-total")).toHaveText("€28.95"); // 24.00 + 4.95, VAT included
    const shownTotal = minorUnits((await page.getByTestId("review-total").textContent())!);
    await snap(page, testInfo, "mobile-review");
    await page.getByTestId("place-order").tap();

    const orderId = await confirmedOrderId(page);
    await snap(page, testInfo, "mobile-confirmation");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectOrder(request, orderId, { total: shownTotal, items: [{ title: "Steel Water Bottle", quantity: 1 }], email: "mobile@example.com" });
    expect(foreign).toEqual([]);
  });
});
