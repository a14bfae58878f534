// Customer accounts in the browser: register, buy with a new address saved to the address book,
// find the order in the history, sign out, sign in, buy again with the saved address filled in;
// and a guest who looks an order up by its number and email.
import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import {
  ADA,
  addToCart,
  chooseTestPayment,
  confirmedOrderId,
  expectAccessible,
  expectCurrentStep,
  fillAddress,
  snap,
  step,
} from "./support/storefront";
import { emailedToken } from "./support/emails";

const PASSWORD = "a long enough password";

/** The address fields of the checkout or the address book (not the email). */
async function fillAddressFields(page: Page) {
  await page.getByLabel("First name").fill(ADA.firstName);
  await page.getByLabel("Last name").fill(ADA.lastName);
  await page.getByLabel("Street and house number").fill(ADA.address);
  await page.getByLabel("Postal code").fill(ADA.postalCode);
  await page.getByLabel("City").fill(ADA.city);
  await page.getByLabel("Country").selectOption({ label: ADA.country! });
}

/** Delivery, test payment and review after the address step; returns the confirmed order's id. */
async function finishCheckout(page: Page): Promise<string> {
  await expectCurrentStep(page, "delivery");
  await page.getByRole("radio", { name: /^Standard Shipping/ }).check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expectCurrentStep(page, "payment");
  await chooseTestPayment(page);
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expectCurrentStep(page, "review");
  await page.getByTestId("place-order").click();
  return confirmedOrderId(page);
}

test.describe("customer accounts", () => {
  test("register, buy with a new address saved, see the order, sign out and in, buy again with the saved address", async ({ page }, testInfo) => {
    const email = `ada+${randomUUID().slice(0, 8)}@example.com`;

    // Register from the header's account link (a guest is sent to sign in, and on to register).
    await page.goto("/");
    await page.getByRole("link", { name: "Account", exact: true }).click();
    await expect(page).toHaveURL(/\/account\/sign-in\?next=%2Faccount$/);
    await page.getByRole("link", { name: "Create an account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("Enter your first name")).toBeVisible();
    await expect(page.getByLabel("First name")).toBeFocused();
    await snap(page, testInfo, "register-errors");
    await expectAccessible(page, testInfo, "register");
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Ada" })).toBeVisible();
    await expect(page.getByTestId("account-email")).toHaveText(email);
    await snap(page, testInfo, "account");
    await expectAccessible(page, testInfo, "account");

    // Buy with a new address, saved to the address book on the way.
    await addToCart(page, "canvas-tote");
    await page.goto("/checkout");
    await expectCurrentStep(page, "address");
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page.getByLabel("Saved addresses")).toHaveCount(0);
    await fillAddressFields(page);
    await page.getByLabel("Save this address to my address book").check();
    await snap(page, testInfo, "checkout-new-address");
    await expectAccessible(page, testInfo, "checkout-signed-in");
    await page.getByRole("button", { name: "Continue to delivery" }).click();
    const firstOrderId = await finishCheckout(page);
    const firstNumber = await page.getByTestId("order-number").textContent();

    // The order is in the history, and its details are there.
    await page.goto("/account/orders");
    const entries = page.getByTestId("order-history-entry");
    await expect(entries).toHaveCount(1);
    await expect(entries.first().getByRole("link")).toHaveText(`Order ${firstNumber}`);
    await snap(page, testInfo, "order-history");
    await expectAccessible(page, testInfo, "order-history");
    await entries.first().getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`/account/orders/${firstOrderId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Order ${firstNumber}`);
    await expect(page.getByTestId("order-item")).toContainText("Canvas Tote");
    await expect(page.getByText(ADA.address).first()).toBeVisible();
    await snap(page, testInfo, "order-details");
    await expectAccessible(page, testInfo, "order-details");

    await page.getByRole("link", { name: "Addresses" }).click();
    await expect(page.getByTestId("saved-address")).toHaveCount(1);
    await expect(page.getByTestId("saved-address")).toContainText(ADA.address);
    await snap(page, testInfo, "address-book");
    await expectAccessible(page, testInfo, "address-book");

    // Add a second address, change it, remove it.
    await page.getByRole("button", { name: "Add an address" }).click();
    await page.getByRole("button", { name: "Save address" }).click();
    await expect(page.getByText("Enter a street address")).toBeVisible();
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await page.getByLabel("Street and house number").fill("Kastanienallee 7");
    await page.getByLabel("Postal code").fill("10435");
    await page.getByLabel("City").fill("Berlin");
    await page.getByLabel("Country").selectOption({ label: "Germany" });
    await page.getByRole("button", { name: "Save address" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Address added." })).toBeVisible();
    await expect(page.getByTestId("saved-address")).toHaveCount(2);
    await page.getByRole("button", { name: "Edit the address at Kastanienallee 7" }).click();
    await page.getByLabel("City").fill("Potsdam");
    await page.getByLabel("Postal code").fill("14467");
    await page.getByRole("button", { name: "Save address" }).click();
    await expect(page.getByTestId("saved-address").filter({ hasText: "Kastanienallee 7" })).toContainText("14467 Potsdam");
    await page.getByRole("button", { name: "Remove the address at Kastanienallee 7" }).click();
    await expect(page.getByTestId("saved-address")).toHaveCount(1);

    // Sign out: the account is closed to this browser.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);
    await page.goto("/account/orders");
    await expect(page).toHaveURL(/\/account\/sign-in\?next=%2Faccount%2Forders$/);

    // A wrong password is refused without saying which part was wrong; then sign in.
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
    await snap(page, testInfo, "sign-in-refused");
    await expectAccessible(page, testInfo, "sign-in");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account\/orders$/);
    await expect(page.getByTestId("order-history-entry")).toHaveCount(1);

    // Buy again: the saved address is chosen and filled in.
    await addToCart(page, "ceramic-mug", { Color: "Sand" });
    await page.goto("/checkout");
    await expectCurrentStep(page, "address");
    await expect(page.getByLabel("Saved addresses")).toBeVisible();
    await expect(page.getByLabel("Saved addresses").locator("option:checked")).toContainText(ADA.address);
    await expect(page.getByLabel("Street and house number")).toHaveValue(ADA.address);
    await expect(page.getByLabel("City")).toHaveValue(ADA.city);
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await expect(page.getByLabel("Save this address to my address book")).toHaveCount(0);
    await snap(page, testInfo, "checkout-saved-address");
    await page.getByRole("button", { name: "Continue to delivery" }).click();
    await expect(step(page, "address")).toContainText(ADA.address);
    const secondOrderId = await finishCheckout(page);
    expect(secondOrderId).not.toBe(firstOrderId);
    const secondNumber = await page.getByTestId("order-number").textContent();

    await page.goto("/account/orders");
    await expect(page.getByTestId("order-history-entry")).toHaveCount(2);
    await expect(page.getByTestId("order-history-entry").first().getByRole("link")).toHaveText(`Order ${secondNumber}`, { useInnerText: true });
  });

  test("a forgotten password is replaced through the emailed link, which works once", async ({ page }, testInfo) => {
    const email = `forgetful+${randomUUID().slice(0, 8)}@example.com`;
    await page.goto("/account/register");
    await page.getByLabel("First name").fill("Grace");
    await page.getByLabel("Last name").fill("Hopper");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Grace" })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/$/);

    await page.goto("/account/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByRole("status")).toContainText(`If ${email} has an account`);
    await snap(page, testInfo, "reset-requested");
    await expectAccessible(page, testInfo, "forgot-password");

    const token = emailedToken("customer.password_reset", email);
    expect(token, "the reset email's token").toBeTruthy();
    const link = `/account/reset-password?token=${encodeURIComponent(token!)}&email=${encodeURIComponent(email)}`;
    await page.goto(link);
    await page.getByLabel(/^New password/).fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Use at least 8 characters")).toBeVisible();
    await page.getByLabel(/^New password/).fill("a new long password");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status")).toContainText("Your password has been changed");
    await snap(page, testInfo, "reset-done");
    await expectAccessible(page, testInfo, "reset-password");

    // The link is used up.
    await page.goto(link);
    await page.getByLabel(/^New password/).fill("yet another password");
    await page.getByRole("button", { name: "Change password" }).click();
    // (Next's route announcer is an alert too: pick ours by its words.)
    await expect(page.getByRole("alert").filter({ hasText: "The reset link is invalid or has expired" })).toBeVisible();

    await page.goto("/account/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("a new long password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Hello, Grace" })).toBeVisible();
  });

  test("guest orders join an account registered later only after the email is confirmed", async ({ page }, testInfo) => {
    const email = `later+${randomUUID().slice(0, 8)}@example.com`;
    await addToCart(page, "canvas-tote");
    await page.goto("/checkout");
    await fillAddress(page, { ...ADA, email });
    await page.getByRole("button", { name: "Continue to delivery" }).click();
    await finishCheckout(page);
    const guestNumber = await page.getByTestId("order-number").textContent();

    await page.goto("/account/register?next=%2Faccount%2Forders");
    await page.getByLabel("First name").fill("Ada");
    await page.getByLabel("Last name").fill("Lovelace");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel(/^Password/).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/account\/orders$/);
    await expect(page.getByText("You have no orders yet.")).toBeVisible();

    await page.getByRole("button", { name: "Email me a confirmation link" }).click();
    await expect(page.getByRole("status")).toContainText(`If there are guest orders placed with ${email}`);
    await snap(page, testInfo, "claim-requested");
    await expectAccessible(page, testInfo, "orders-claim");
    const token = emailedToken("order.claim_requested", email);
    expect(token, "the claim email's token").toBeTruthy();

    await page.goto(`/account/claim-orders?token=${encodeURIComponent(token!)}`);
    await expectAccessible(page, testInfo, "claim-orders");
    await page.getByRole("button", { name: "Add the orders to my account" }).click();
    await expect(page.getByRole("status")).toContainText("1 order was added to your account");
    await snap(page, testInfo, "claim-confirmed");
    await page.getByRole("link", { name: "See your orders" }).click();
    await expect(page.getByTestId("order-history-entry")).toHaveCount(1);
    await expect(page.getByTestId("order-history-entry").getByRole("link")).toHaveText(`Order ${guestNumber}`);
  });

  test("a guest looks an order up by its number and email", async ({ page }, testInfo) => {
    const email = `guest+${randomUUID().slice(0, 8)}@example.com`;
    await addToCart(page, "canvas-tote");
    await page.goto("/checkout");
    await fillAddress(page, { ...ADA, email });
    await page.getByRole("button", { name: "Continue to delivery" }).click();
    await finishCheckout(page);
    const number = ((await page.getByTestId("order-number").textContent()) ?? "").replace("#", "");

    await page.goto("/");
    await page.getByRole("link", { name: "Find an order" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Find your order" })).toBeVisible();
    await page.getByRole("button", { name: "Find my order" }).click();
    await expect(page.getByText("Enter the order number, e.g. 1042")).toBeVisible();
    await expect(page.getByLabel("Order number")).toBeFocused();

    await page.getByLabel("Order number").fill(number);
    await page.getByLabel("Email").fill(`someone.else+${randomUUID().slice(0, 6)}@example.com`);
    await page.getByRole("button", { name: "Find my order" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "We could not find an order with that number and email" })).toBeVisible();
    await snap(page, testInfo, "lookup-not-found");
    await expectAccessible(page, testInfo, "lookup");

    await page.getByLabel("Email").fill(email.toUpperCase());
    await page.getByRole("button", { name: "Find my order" }).click();
    await expect(page.getByRole("heading", { level: 2, name: `Order #${number}` })).toBeVisible();
    await expect(page.getByTestId("order-item")).toContainText("Canvas Tote");
    await expect(page.getByText(ADA.address).first()).toBeVisible();
    await snap(page, testInfo, "lookup-found");
    await expectAccessible(page, testInfo, "lookup-found");
  });
});
