// A merchant's catalogue in the back office: sign in, create a product with the form (an option,
// two variants, stock and prices), publish it, change one variant's stock and price, and see the
// change on the storefront's product page; then the regions page and its payment methods.
// Screenshots and an axe scan at each page.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { expectAccessible, snap } from "./support/storefront";

const DEMO_ADMIN = { email: "admin@example.com", password: "supersecret" };

test("merchant: create a product, edit a variant's stock and price, see it in the store", async ({ page }, testInfo) => {
  const handle = `field-jacket-${randomUUID().slice(0, 8)}`;

  await page.goto("/admin/products");
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Fproducts/);
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_ADMIN.password);
  await page.keyboard.press("Enter");

  // The products list, reached through the navigation.
  await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Products" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("row").filter({ hasText: "Canvas Tote" })).toBeVisible();
  for (const content of await page.locator('meta[name="robots"]').evaluateAll((metas) => metas.map((meta) => meta.getAttribute("content")))) {
    expect(content).toMatch(/noindex/);
  }
  await snap(page, testInfo, "admin-products");
  await expectAccessible(page, testInfo, "admin-products");

  // Search, by keyboard.
  await page.getByLabel("Title, handle or SKU").fill("tote");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: /^1 product$/ })).toBeVisible();

  // The create form: a refusal first (no title), then the product.
  await page.getByRole("link", { name: "New product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New product" })).toBeVisible();
  await page.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Some fields need your attention" })).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveAttribute("aria-invalid", "true");
  await snap(page, testInfo, "admin-product-new-refused");

  await page.getByLabel("Title").fill("Field Jacket");
  await page.getByLabel("Handle (the address of its page)").fill(handle);
  await page.getByLabel("Description").fill("Waxed cotton, four pockets.");
  await page.getByLabel("Image URL").fill("/images/products/canvas-tote.svg");
  await page.getByLabel("Status").selectOption("published");
  await page.getByLabel("Option 1 name").fill("Size");
  await page.getByLabel("Option 1 values, separated by commas").fill("M, L");
  await expect(page.getByRole("group", { name: "M" })).toBeVisible();
  await expect(page.getByRole("group", { name: "L" })).toBeVisible();
  await page.getByLabel("Stock of M").fill("4");
  await page.getByLabel("Price of M (EUR)").fill("129.00");
  await page.getByLabel("Price of M (USD)").fill("139.00");
  await page.getByLabel("Stock of L").fill("2");
  await page.getByLabel("Price of L (EUR)").fill("129.00");
  await snap(page, testInfo, "admin-product-new");
  await expectAccessible(page, testInfo, "admin-product-new");
  await page.getByRole("button", { name: "Create product" }).click();

  // The product page.
  await expect(page.getByRole("heading", { level: 1, name: "Field Jacket" })).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/products\/prod_/);
  const medium = page.getByRole("form", { name: "M" });
  await expect(medium.getByLabel("Stock", { exact: true })).toHaveValue("4");
  await expect(medium.getByLabel("Price (EUR)")).toHaveValue("129.00");
  await snap(page, testInfo, "admin-product");
  await expectAccessible(page, testInfo, "admin-product");

  // A bad stock figure is refused in words and changes nothing.
  await medium.getByLabel("Stock", { exact: true }).fill("-2");
  await medium.getByRole("button", { name: "Save M" }).click();
  await expect(medium.getByText("Enter a whole number, 0 or more")).toBeVisible();
  await expect(medium.getByLabel("Stock", { exact: true })).toHaveAttribute("aria-invalid", "true");

  // The variant's stock and price change, by keyboard.
  await medium.getByLabel("Stock", { exact: true }).fill("3");
  await medium.getByLabel("Price (EUR)").fill("99.50");
  await medium.getByLabel("Price (EUR)").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Saved M: 3 in stock." })).toBeVisible();
  await expect(page.getByRole("form", { name: "M" }).getByLabel("Price (EUR)")).toHaveValue("99.50");
  await snap(page, testInfo, "admin-product-saved");

  // The storefront's product page shows it (Europe, EUR, is the default region).
  await page.getByRole("link", { name: /View in the store/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Field Jacket" })).toBeVisible();
  await page.getByRole("radio", { name: "M", exact: true }).check();
  await expect(page.getByTestId("variant-price")).toHaveText("€99.50");
  await expect(page.getByTestId("stock-state")).toHaveText("Only 3 left");
  await snap(page, testInfo, "store-product-after-edit");

  // Unpublished, it leaves the store.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "Field Jacket" })).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).selectOption("draft");
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Status saved: Draft." })).toBeVisible();
  const gone = await page.request.get(`/products/${handle}`);
  expect(gone.status()).toBe(404);
});

test("merchant: the regions page shows and saves which payment methods each region offers", async ({ page }, testInfo) => {
  await page.goto("/admin/regions");
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_ADMIN.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Regions" })).toBeVisible();
  const europe = page.getByRole("region", { name: "Europe" });
  const testPayment = europe.getByRole("checkbox", { name: /Test payment/ });
  await expect(testPayment).toBeChecked();
  await snap(page, testInfo, "admin-regions");
  await expectAccessible(page, testInfo, "admin-regions");

  // Saving what is there changes nothing for shoppers, and says it was saved.
  await europe.getByRole("button", { name: "Save payment methods for Europe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Europe: payment methods saved." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Europe" }).getByRole("checkbox", { name: /Test payment/ })).toBeChecked();
});
