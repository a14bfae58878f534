// The confirmation email, read where the merchant reads it: after a purchase, the back office's
// mailbox (/admin/mailbox, behind the merchant's sign-in; this run has no SMTP_URL) holds the
// email the shopper was sent, with the order in both its HTML and plain-text parts, and the order
// page says it was sent. The events page says nothing is stuck.
import { expect, test } from "@playwright/test";
import { ADA, addToCart, chooseTestPayment, confirmedOrderId, expectAccessible, expectCurrentStep, fillAddress, snap, step } from "./support/storefront";

const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" };

test("after a purchase the merchant finds the confirmation email in the back office mailbox", async ({ page }, testInfo) => {
  const shopper = { ...ADA, email: `grace+${Date.now()}@example.com`, firstName: "Grace", lastName: "Hopper" };
  await addToCart(page, "canvas-tote", {}, 3);
  await page.goto("/checkout");
  await expectCurrentStep(page, "address");
  await fillAddress(page, shopper);
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await expectCurrentStep(page, "delivery");
  await page.getByRole("radio").first().check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expectCurrentStep(page, "payment");
  await chooseTestPayment(page);
  await page.getByRole("button", { name: "Continue to review" }).click();
  await expectCurrentStep(page, "review");
  await expect(step(page, "review")).toContainText(`We will send a confirmation to ${shopper.email}.`);
  const total = (await page.getByTestId("review-total").textContent())!;

  await page.getByTestId("place-order").click();
  const orderId = await confirmedOrderId(page);
  const orderNumber = (await page.getByTestId("order-number").textContent())!;
  await expect(page.getByTestId("confirmation-email")).toContainText(shopper.email);

  // The mailbox is the back office's: a shopper (or anyone) is sent to sign in first.
  await page.goto("/admin/mailbox");
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Fmailbox/);
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_ADMIN.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/mailbox$/);
  await expect(page.getByRole("heading", { level: 1, name: "Mailbox" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Mailbox", exact: true })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("mail-transport")).toContainText("No SMTP server is configured");
  for (const content of await page.locator('meta[name="robots"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute("content")))) {
    expect(content).toMatch(/noindex/);
  }

  // The dispatcher sends within a second or so; the mailbox lists it once it is there. Search by
  // the shopper's address, with the keyboard.
  const subject = `Your Kestrel Goods order ${orderNumber} is confirmed`;
  await expect(async () => {
    await page.getByLabel("Recipient").fill(shopper.email);
    await page.getByLabel("Recipient").press("Enter");
    await expect(page.getByRole("link", { name: subject })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("link", { name: subject })).toHaveCount(1);
  await expect(page.getByRole("row").filter({ hasText: subject })).toContainText(shopper.email);
  await snap(page, testInfo, "admin-mailbox");
  await expectAccessible(page, testInfo, "admin-mailbox");

  await page.getByRole("link", { name: subject }).click();
  await expect(page.getByTestId("mail-subject")).toHaveText(subject);
  await expect(page.getByTestId("mail-to")).toHaveText(shopper.email);
  const text = page.getByTestId("mail-text");
  await expect(text).toContainText("3 × €19.00");
  await expect(text).toContainText(`Total: ${total}`);
  await expect(text).toContainText("Grace Hopper");
  await expect(text).toContainText(`/order/confirmed/${orderId}`);
  const html = page.frameLocator('[data-testid="mail-html"]');
  await expect(html.getByRole("heading", { level: 1 })).toHaveText(`Thank you! Order ${orderNumber} is confirmed`);
  await expect(html.getByText("Canvas Tote")).toBeVisible();
  await expect(html.getByRole("link", { name: "View your order" })).toHaveAttribute("href", new RegExp(`/order/confirmed/${orderId}$`));
  await snap(page, testInfo, "admin-mailbox-message");
  await expectAccessible(page, testInfo, "admin-mailbox-message");

  // Nothing is stuck on its way: the events page lists no failing or dead delivery.
  await page.getByRole("link", { name: "Events", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Events" })).toBeVisible();
  await expect(page.getByTestId("delivery-counts")).toContainText("Dead0");
  await snap(page, testInfo, "admin-events");
  await expectAccessible(page, testInfo, "admin-events");

  // Back on the order page, the promise is now in the past tense.
  await page.goto(`/order/confirmed/${orderId}`);
  await expect(page.getByTestId("confirmation-email")).toHaveText(`We have sent a confirmation to ${shopper.email}. We will let you know when it ships.`);
});
