// A merchant's catalogue in the back office: sign in, create a product with the form (an option,
// two variants, stock and prices), publish it, change one variant's stock and price, and see the
// change on the storefront's product page; then the regions page, its payment methods and a new
// shipping option a shopper is offered at checkout until the merchant switches it off.
// Screenshots and an axe scan at each page.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { addToCart, expectAccessible, expectCurrentStep, fillAddress, snap } from "./support/storefront";

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
  const europe = page.getByRole("region", { name: "Europe", exact: true });
  const testPayment = europe.getByRole("checkbox", { name: /Test payment/ });
  await expect(testPayment).toBeChecked();
  await snap(page, testInfo, "admin-regions");
  await expectAccessible(page, testInfo, "admin-regions");

  // Saving what is there changes nothing for shoppers, and says it was saved.
  await europe.getByRole("button", { name: "Save payment methods for Europe" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Europe: payment methods saved." })).toBeVisible();
  await expect(page.getByRole("region", { name: "Europe", exact: true }).getByRole("checkbox", { name: /Test payment/ })).toBeChecked();
});

test("merchant: adds a shipping option to a region, a shopper is offered it at checkout, then it is switched off and deleted", async ({ page }, testInfo) => {
  const name = `Cargo bike courier ${randomUUID().slice(0, 4)}`;
  const storeOptionNames = async () => {
    const answer = await page.request.get("/api/store/shipping-options?region_id=reg_europe");
    expect(answer.status()).toBe(200);
    return ((await answer.json()) as { shipping_options: { name: string }[] }).shipping_options.map((option) => option.name);
  };

  await page.goto("/admin/regions");
  await page.getByLabel("Email").fill(DEMO_ADMIN.email);
  await page.getByLabel("Password").fill(DEMO_ADMIN.password);
  await page.keyboard.press("Enter");
  const shipping = page.getByRole("region", { name: "Shipping options in Europe" });
  await expect(shipping.getByText(/Standard Shipping.*€4\.95, for subtotals below €50\.00/)).toBeVisible();

  // A refusal first: nothing filled in names what is missing.
  const add = shipping.getByRole("group", { name: "Add a shipping option to Europe" });
  await add.getByRole("button", { name: "Add shipping option to Europe" }).click();
  await expect(add.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await expect(add.getByText("Enter a price such as 4.95")).toBeVisible();
  await add.getByLabel("Only for subtotals below (EUR)").fill("10");
  await add.getByLabel("Only for subtotals from (EUR)").fill("20");
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("Price (EUR)").fill("7.50");
  await add.getByRole("button", { name: "Add shipping option to Europe" }).click();
  await expect(add.getByText("Must be more than the minimum subtotal")).toBeVisible();
  await add.getByLabel("Only for subtotals from (EUR)").fill("");
  await add.getByLabel("Only for subtotals below (EUR)").fill("");
  // Submitted from the keyboard.
  await add.getByLabel("Price (EUR)").press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Europe: ${name} added` })).toBeVisible();
  await expect(shipping.getByRole("listitem").filter({ hasText: name })).toContainText("€7.50, for every cart");

  // Its price changes.
  await shipping.getByRole("button", { name: `Edit ${name}` }).click();
  const edit = shipping.getByRole("form", { name: `Edit ${name}` });
  await edit.getByLabel("Price (EUR)").fill("6.90");
  await edit.getByRole("button", { name: `Save ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} saved: €6.90 for every cart.` })).toBeVisible();
  await snap(page, testInfo, "admin-regions-shipping-options");
  await expectAccessible(page, testInfo, "admin-regions-shipping-options");
  expect(await storeOptionNames()).toContain(name);

  // A shopper in Europe is offered it at the checkout's delivery step.
  await addToCart(page, "canvas-tote");
  await page.goto("/checkout");
  await expectCurrentStep(page, "address");
  await fillAddress(page);
  await page.getByRole("button", { name: "Continue to delivery" }).click();
  await expectCurrentStep(page, "delivery");
  await expect(page.getByRole("radio", { name: new RegExp(name) })).toBeVisible();
  await snap(page, testInfo, "checkout-delivery-new-shipping-option");

  // Switched off, shoppers are no longer offered it; deleted (no order used it), it is gone.
  await page.goto("/admin/regions");
  await shipping.getByRole("button", { name: `Switch off ${name}` }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} is switched off` })).toBeVisible();
  await expect(shipping.getByRole("listitem").filter({ hasText: name })).toContainText("Switched off");
  expect(await storeOptionNames()).not.toContain(name);
  await shipping.getByRole("button", { name: `Delete ${name}` }).click();
  await shipping.getByRole("group", { name: `Confirm deleting ${name}` }).getByRole("button", { name: "Yes, delete it" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${name} was deleted.` })).toBeVisible();
  await expect(shipping.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
});
