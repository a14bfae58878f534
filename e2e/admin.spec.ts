// A merchant's day in the back office: a shopper orders (through the Store API, as the checkout
// journeys already cover the shop), the merchant signs in, finds the order, captures the payment,
// fulfils part of it, ships it with a tracking number and refunds part of it. Screenshots and an
// axe scan at each page; the order is read back through the Admin API at the end.
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectAccessible, snap, tabTo } from "./support/storefront";

const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" };

async function shopperOrder(request: APIRequestContext, email: string) {
  const ok = async (answer: Awaited<ReturnType<APIRequestContext["post"]>>): Promise<any> => {
    expect(answer.status(), await answer.text()).toBe(200);
    return answer.json();
  };
  const { cart } = await ok(
    await request.post("/api/store/carts", {
      data: {
        region_id: "reg_europe",
        items: [
          { variant_id: "variant_canvastoteonesize", quantity: 2 },
          { variant_id: "variant_ceramicmugsand", quantity: 1 },
        ],
      },
    }),
  );
  await ok(
    await request.post(`/api/store/carts/${cart.id}`, {
      data: { email, shipping_address: { first_name: "Ada", last_name: "Lovelace", address_1: "Torstraße 1", city: "Berlin", postal_code: "10119", country_code: "de" } },
    }),
  );
  const { shipping_options } = await ok(await request.get(`/api/store/shipping-options/${cart.id}`));
  await ok(await request.post(`/api/store/carts/${cart.id}/shipping-methods`, { data: { option_id: shipping_options[0].id } }));
  await ok(await request.post(`/api/store/carts/${cart.id}/payment-sessions`));
  await ok(await request.post(`/api/store/carts/${cart.id}/payment-session`, { data: { provider_id: "manual" } }));
  const completion = await ok(await request.post(`/api/store/carts/${cart.id}/complete`));
  expect(completion.type).toBe("order");
  return completion.data;
}

test("merchant: sign in, find the order, capture, fulfil, ship with tracking, refund part", async ({ page, request }, testInfo) => {
  const email = `ada-${randomUUID().slice(0, 8)}@example.com`;
  const order = await shopperOrder(request, email);

  // Signed out, the back office sends the merchant to sign in and back.
  await page.goto(`/admin/orders`);
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Forders/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to the back office" })).toBeVisible();
  // Next.js may write the metadata twice (head and streamed body): every copy must say noindex.
  const robots = page.locator('meta[name="robots"]');
  await expect(robots.first()).toHaveAttribute("content", /noindex/);
  for (const content of await robots.evaluateAll((metas) => metas.map((meta) => meta.getAttribute("content")))) expect(content).toMatch(/noindex/);
  await expect(page.getByRole("banner")).toHaveCount(0); // no storefront header with a cart here
  await snap(page, testInfo, "admin-sign-in");
  await expectAccessible(page, testInfo, "admin-sign-in");

  // A wrong password is refused in words, by keyboard alone.
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password" })).toBeVisible();
  await snap(page, testInfo, "admin-sign-in-refused");
  await page.getByLabel("Password").fill(DEMO_ADMIN.password);
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/orders$/);
  await expect(page.getByRole("table")).toBeVisible();
  await snap(page, testInfo, "admin-orders");
  await expectAccessible(page, testInfo, "admin-orders");

  // Find the shopper's order by email, with the keyboard.
  await page.getByLabel("Email or order number").fill(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /^1 order$/ })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: email });
  await expect(row).toContainText("Awaiting capture");
  await expect(row).toContainText("Not fulfilled");
  await snap(page, testInfo, "admin-orders-found");
  const link = row.getByRole("link", { name: `#${order.display_id}` });
  await tabTo(page, link);
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1, name: `Order #${order.display_id}` })).toBeVisible();
  await expect(page.getByText("Test payment (manual provider: no money moves)")).toBeVisible();
  await snap(page, testInfo, "admin-order");
  await expectAccessible(page, testInfo, "admin-order");

  // Capture.
  await page.getByRole("button", { name: /^Capture / }).click();
  await expect(page.getByRole("status").filter({ hasText: /^Captured / })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Captured" }).first()).toBeVisible();

  // Fulfil the two totes only.
  const fulfillment = page.getByRole("region", { name: "Fulfillment" });
  await fulfillment.getByLabel(/Canvas Tote/).fill("2");
  await fulfillment.getByLabel(/Ceramic Mug/).fill("0");
  await fulfillment.getByRole("button", { name: "Create fulfillment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Fulfillment created." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Partially fulfilled" })).toBeVisible();

  // Ship it with a tracking number.
  await fulfillment.getByLabel("Tracking numbers").fill("DHL-4242");
  await fulfillment.getByRole("button", { name: "Mark shipped" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked as shipped." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Partially shipped" })).toBeVisible();
  await expect(fulfillment.getByText("Tracking: DHL-4242")).toBeVisible();

  // Refund: an amount that is too big is refused in words; then part of it.
  const payment = page.getByRole("region", { name: "Payment" });
  await payment.getByLabel("Amount (EUR)").fill("100000");
  await payment.getByRole("button", { name: "Refund" }).click();
  await expect(payment.getByText(/At most €[\d.,]+ can be refunded/)).toBeVisible();
  await expect(payment.getByLabel("Amount (EUR)")).toHaveAttribute("aria-invalid", "true");
  await payment.getByLabel("Amount (EUR)").fill("5.50");
  await payment.getByLabel("Reason").selectOption("discount");
  await payment.getByLabel("Note").fill("Late delivery");
  await payment.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Refunded €5.50." })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "Partially refunded" })).toBeVisible();

  const history = page.getByRole("region", { name: "History" });
  await expect(history.getByRole("listitem")).toHaveCount(5);
  await expect(history).toContainText("Payment captured");
  await expect(history).toContainText("Shipped");
  await expect(history).toContainText("(tracking DHL-4242)");
  await expect(history).toContainText("Refunded €5.50: “Late delivery” by admin@example.com");
  await snap(page, testInfo, "admin-order-shipped-refunded");
  await expectAccessible(page, testInfo, "admin-order-after-actions");

  // The Admin API agrees with what the page says.
  const token = (await (await request.post("/api/admin/auth/token", { data: DEMO_ADMIN })).json()).access_token;
  const answer = await request.get(`/api/admin/orders/${order.id}`, { headers: { authorization: `Bearer ${token}` } });
  const saved = (await answer.json()).order;
  expect(saved.payment_status).toBe("partially_refunded");
  expect(saved.fulfillment_status).toBe("partially_shipped");
  expect(saved.refunded_total).toBe(550);
  expect(saved.paid_total).toBe(order.total);
  expect(saved.fulfillments[0].tracking_numbers).toEqual(["DHL-4242"]);

  // Signing out ends the session.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await page.goto(`/admin/orders/${order.id}`);
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=/);
});
