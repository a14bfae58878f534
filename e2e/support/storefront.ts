// What the storefront journeys share: screenshots of each step, the accessibility scan, the
// shopper's moves (add a product, fill the address, go through the steps) and the check of the
// placed order through the Store API.
import { createRequire } from "node:module";
import { expect, type APIRequestContext, type Locator, type Page, type TestInfo } from "@playwright/test";

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Screenshots and accessibility
// ---------------------------------------------------------------------------------------------

/** Saves a full-page screenshot into the test's output folder and attaches it to the report. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const index = String(testInfo.attachments.filter((attachment) => attachment.contentType === "image/png").length + 1).padStart(2, "0");
  const path = testInfo.outputPath(`${index}-${name}.png`);
  // From the top, so the sticky header sits where the shopper sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true, animations: "disabled" });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] };

let axeSource: string | null = null;

/**
 * Runs axe-core in the page (injected from the axe-core package, which works on every Node
 * version @playwright/test supports) and fails on serious or critical violations.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  axeSource ??= (require("axe-core") as { source: string }).source;
  // Let client-side rendering settle so the scan sees what the shopper sees.
  await page.waitForLoadState("networkidle").catch(() => undefined);
  const alreadyLoaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!alreadyLoaded) await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
    }));
  });
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(violations, null, 2), contentType: "application/json" });
  const blocking = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(blocking, `axe: serious or critical violations on ${name}:\n${JSON.stringify(blocking, null, 2)}`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Requests: the store talks only to itself (and to Stripe when paying by card)
// ---------------------------------------------------------------------------------------------

/**
 * Records every request the page makes to a host other than the store's. `allowed` lists extra
 * hosts ("127.0.0.1:12111") or domain suffixes (".stripe.com") that may be called.
 */
export function watchForeignRequests(page: Page, baseURL: string, allowed: string[] = []): string[] {
  const own = new URL(baseURL).host;
  const foreign: string[] = [];
  const isAllowed = (host: string, hostname: string) =>
    host === own || allowed.some((entry) => (entry.startsWith(".") ? hostname.endsWith(entry) || `.${hostname}` === entry : host === entry));
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "about:") return;
    if (isAllowed(url.host, url.hostname)) return;
    foreign.push(request.url());
  });
  return foreign;
}

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

/** "€1,234.50" → 123450 (two-digit currencies, as in this store). */
export function minorUnits(text: string): number {
  const digits = text.replace(/[^\d.]/g, "");
  return Math.round(Number.parseFloat(digits) * 100);
}

// ---------------------------------------------------------------------------------------------
// The shopper's moves
// ---------------------------------------------------------------------------------------------

export const cartCount = (page: Page): Locator => page.getByTestId("cart-count");

export type ShopperAddress = {
  email: string;
  firstName: string;
  lastName: string;
  address: string;
  postalCode: string;
  city: string;
  country?: string;
  phone?: string;
};

export const ADA: ShopperAddress = {
  email: "ada@example.com",
  firstName: "Ada",
  lastName: "Lovelace",
  address: "Unter den Linden 1",
  postalCode: "10117",
  city: "Berlin",
  country: "Germany",
  phone: "+49 30 1234567",
};

/** Opens a product page, picks options by their label (e.g. { Size: "M" }) and adds it. */
export async function addToCart(page: Page, handle: string, options: Record<string, string> = {}, quantity = 1): Promise<void> {
  await page.goto(`/products/${handle}`);
  for (const [, value] of Object.entries(options)) {
    await page.getByRole("radio", { name: value, exact: true }).check();
  }
  if (quantity !== 1) await page.getByRole("spinbutton", { name: "Quantity" }).fill(String(quantity));
  const before = Number((await cartCount(page).textContent()) ?? "0");
  await page.getByRole("button", { name: "Add to cart" }).click();
  await expect(page.getByRole("status").filter({ hasText: "to your cart" })).toBeVisible();
  await expect(cartCount(page)).toHaveText(String(before + quantity));
}

export async function fillAddress(page: Page, who: ShopperAddress = ADA): Promise<void> {
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("First name").fill(who.firstName);
  await page.getByLabel("Last name").fill(who.lastName);
  await page.getByLabel("Street and house number").fill(who.address);
  await page.getByLabel("Postal code").fill(who.postalCode);
  await page.getByLabel("City").fill(who.city);
  if (who.country) await page.getByLabel("Country").selectOption({ label: who.country });
  if (who.phone) await page.getByLabel("Phone (optional)").fill(who.phone);
}

export const step = (page: Page, name: "address" | "delivery" | "payment" | "review"): Locator => page.getByTestId(`step-${name}`);

export async function expectCurrentStep(page: Page, name: "address" | "delivery" | "payment" | "review"): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`/checkout\\?step=${name}$`));
  await expect(step(page, name)).toHaveAttribute("data-state", "current");
}

/** Chooses the manual (test) provider when the region offers more than one. */
export async function chooseTestPayment(page: Page): Promise<void> {
  const testPayment = page.getByRole("radio", { name: /Test payment/ });
  await expect(testPayment).toBeVisible();
  if (!(await testPayment.isChecked())) await testPayment.check();
  await expect(page.getByTestId("manual-payment-notice")).toBeVisible();
}

/** Reads the order id from the confirmation page's URL. */
export async function confirmedOrderId(page: Page): Promise<string> {
  await page.waitForURL(/\/order\/confirmed\/order_[0-9A-Za-z]+$/);
  await expect(page.getByRole("heading", { name: /Thank you!/ })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

type ApiOrder = {
  id: string;
  display_id: number;
  status: string;
  payment_status: string;
  total: number;
  email: string;
  items: { title: string; quantity: number; variant: { title: string } }[];
  payments: { provider_id: string; amount: number }[];
};

/** The order as the Store API has it, checked against what the shopper saw. */
export async function expectOrder(
  request: APIRequestContext,
  orderId: string,
  expected: { total: number; items: { title: string; quantity: number }[]; provider?: string; email?: string },
): Promise<ApiOrder> {
  const response = await request.get(`/api/store/orders/${orderId}`);
  expect(response.status()).toBe(200);
  const { order } = (await response.json()) as { order: ApiOrder };
  expect(order.status).toBe("pending");
  expect(order.total).toBe(expected.total);
  expect(order.items.map((item) => ({ title: item.title, quantity: item.quantity })).sort((a, b) => a.title.localeCompare(b.title))).toEqual(
    [...expected.items].sort((a, b) => a.title.localeCompare(b.title)),
  );
  expect(order.payments).toHaveLength(1);
  expect(order.payments[0].amount).toBe(expected.total);
  if (expected.provider) expect(order.payments[0].provider_id).toBe(expected.provider);
  if (expected.email) expect(order.email).toBe(expected.email);
  return order;
}

/** The cart cookie is gone after the order, and the header shows an empty cart. */
export async function expectCartCleared(page: Page): Promise<void> {
  await expect(cartCount(page)).toHaveText("0");
  await expect
    .poll(async () => (await page.context().cookies()).some((cookie) => cookie.name === "cart_id"), { message: "cart_id cookie cleared" })
    .toBe(false);
}

/** Presses Tab until `target` has focus; fails if it is not reachable by keyboard. */
export async function tabTo(page: Page, target: Locator, { maxPresses = 80, backwards = false } = {}): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Could not reach ${target} with the keyboard in ${maxPresses} presses`);
}
