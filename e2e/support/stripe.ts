// Playwright helpers for paying by card, the same in both Stripe modes
// (shared/docs/stripe-offline.md):
// - STRIPE_API_BASE set: the app talks to the local Stripe emulator, and the browser gets the
//   Stripe.js stand-in (./stripe-js-standin.js) in place of https://js.stripe.com.
// - STRIPE_API_BASE unset: real Stripe test mode and real Stripe.js.
// Card-filling and 3-D Secure selectors differ between the two; they live here and nowhere else.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Frame, FrameLocator, Page } from "@playwright/test";

const STANDIN_PATH = fileURLToPath(new URL("./stripe-js-standin.js", import.meta.url));
const CARD_FRAME_TITLE = "Secure card payment input frame";
const THREE_D_SECURE_TIMEOUT_MS = 30_000;

export const TEST_CARDS = {
  visa: "4242424242424242",
  declined: "4000000000000002",
  "3ds": "4000002760003184",
} as const;

export type TestCard = keyof typeof TEST_CARDS;

/** True when the tests run against the local emulator rather than real Stripe. */
export function usesStripeEmulator(): boolean {
  return Boolean(process.env.STRIPE_API_BASE);
}

/**
 * Serves the Stripe.js stand-in for every https://js.stripe.com/** request of this page, pointed
 * at `emulatorUrl`. Call before the first navigation. Does nothing in real Stripe mode.
 */
export async function serveStripeJs(page: Page, emulatorUrl: string = process.env.STRIPE_API_BASE ?? ""): Promise<void> {
  if (!usesStripeEmulator()) return;
  const standIn = await readFile(STANDIN_PATH, "utf8");
  const body = `window.__STRIPE_EMULATOR_URL__ = ${JSON.stringify(emulatorUrl)};\n${standIn}`;
  await page.route("https://js.stripe.com/**", (route) =>
    route.fulfill({ status: 200, contentType: "application/javascript; charset=utf-8", body }),
  );
}

/** The card element's iframe (there is one card element per checkout). */
export function cardFrame(page: Page): FrameLocator {
  const selector = usesStripeEmulator()
    ? `iframe[title="${CARD_FRAME_TITLE}"]`
    : `iframe[title^="${CARD_FRAME_TITLE}"]`;
  return page.frameLocator(selector).first();
}

/** Fills the card element with a test card, expiry 12 / 34 and CVC 123. */
export async function fillCard(page: Page, card: TestCard): Promise<void> {
  const frame = cardFrame(page);
  const number = frame.locator('[name="cardnumber"]');
  const expiry = frame.locator('[name="exp-date"]');
  const cvc = frame.locator('[name="cvc"]');
  if (usesStripeEmulator()) {
    await number.fill(TEST_CARDS[card]);
    await expiry.fill("12 / 34");
    await cvc.fill("123");
    return;
  }
  // Real Stripe.js formats as the shopper types, so type key by key.
  await number.pressSequentially(TEST_CARDS[card], { delay: 20 });
  await expiry.pressSequentially("1234", { delay: 20 });
  await cvc.pressSequentially("123", { delay: 20 });
  const postalCode = frame.locator('[name="postal"]');
  if (await postalCode.isVisible()) await postalCode.pressSequentially("42424", { delay: 20 });
}

/** Passes the 3-D Secure challenge that a "3ds" card triggers. */
export async function completeThreeDSecure(page: Page): Promise<void> {
  await answerThreeDSecure(page, "complete");
}

/** Fails the 3-D Secure challenge that a "3ds" card triggers. */
export async function failThreeDSecure(page: Page): Promise<void> {
  await answerThreeDSecure(page, "fail");
}

async function answerThreeDSecure(page: Page, choice: "complete" | "fail"): Promise<void> {
  if (usesStripeEmulator()) {
    const dialog = page.getByRole("dialog", { name: "3D Secure authentication" });
    const label = choice === "complete" ? "Complete authentication" : "Fail authentication";
    await dialog.getByRole("button", { name: label }).click({ timeout: THREE_D_SECURE_TIMEOUT_MS });
    await dialog.waitFor({ state: "detached" });
    return;
  }
  const buttonId = choice === "complete" ? "#test-source-authorize-3ds" : "#test-source-fail-3ds";
  const frame = await findFrameWith(page, buttonId);
  await frame.locator(buttonId).click();
}

/*
 * Real Stripe nests its test challenge page a few frames deep inside an
 * iframe[name^="__privateStripeFrame"], and the nesting has changed over time; searching
 * every frame of the page for the button does not depend on it.
 */
async function findFrameWith(page: Page, selector: string): Promise<Frame> {
  const deadline = Date.now() + THREE_D_SECURE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      const found = await frame.locator(selector).count().catch(() => 0);
      if (found > 0) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`No Stripe 3-D Secure frame with ${selector} appeared within ${THREE_D_SECURE_TIMEOUT_MS} ms`);
}
