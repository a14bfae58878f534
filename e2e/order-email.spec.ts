// The confirmation email, read where a developer reads it: after a purchase, the development
// mailbox (/dev/mailbox, on in this test run only) holds the email the shopper was sent, with
// the order in both its HTML and plain-text parts, and the order page says it was sent.
import { expect, test } from "@playwright/test";
import { ADA, addToCart, chooseTestPayment, confirmedOrderId, expectAccessible, expectCurrentStep, fillAddress, snap, step } from "./support/storefront";

test("after a purchase the confirmation email is in the development mailbox", async ({ page }, testInfo) => {
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

  // The dispatcher sends within a second or so; the mailbox lists it once it is there.
  const subject = `Your Kestrel Goods order ${orderNumber} is confirmed`;
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(page.getByRole("link", { name: subject })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByRole("link", { name: subject })).toHaveCount(1);
  await snap(page, testInfo, "mailbox");
  await expectAccessible(page, testInfo, "mailbox");

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
  await snap(page, testInfo, "mailbox-message");
  await expectAccessible(page, testInfo, "mailbox-message");

  // Back on the order page, the promise is now in the past tense.
  await page.goto(`/order/confirmed/${orderId}`);
  await expect(page.getByTestId("confirmation-email")).toHaveText(`We have sent a confirmation to ${shopper.email}. We will let you know when it ships.`);
});
