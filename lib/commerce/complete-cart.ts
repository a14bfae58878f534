// Completing a cart: the payment is authorized and the cart becomes an order, exactly once.
// Read top to bottom, these are the steps:
//   1. load the cart; a cart already completed answers with its order (retries, other tabs)
//   2. check it is ready: items, email, shipping address (with a state where the country needs
//      one), shipping method, a selected session unless nothing is left to pay, and the discount
//      and gift cards still usable; all before any money moves
//   3. ask the provider where the payment stands for exactly the cart total (a cart paid in full
//      by gift cards or discounts skips 3 and 4: there is no payment)
//   4. not authorized yet → answer with the cart and the payment status, nothing else changes
//   5. take the order's number (on its own, as a sequence would: never held for the transaction),
//      then one transaction: claim the cart at the version that was priced, create the order with
//      its payment, count the discount's use and take the gift cards' amounts (conditional
//      updates: limits and balances hold under concurrent completes), fix each line's and shipping
//      method's tax lines on the order, attach lines and shipping to it, reserve stock with one
//      conditional update (rows locked in id order, late: concurrent completions share them), and
//      record `order.placed` (the confirmation email hangs on it). Any step failing undoes them all, so
//      the event exists exactly when the order does.
//   6. a concurrent completion that won (unique cart id or claim lost) → answer with its order
//   7. stock ran out, the discount was used up or a gift card's balance was taken meanwhile, or
//      the provider holds another amount → the payment is given back (cancelled or refunded) and
//      the session is replaced by a fresh one, so the shopper can pay again
import { databaseTarget, db, isUniqueConstraintError, Prisma, type DbTransaction } from "../db/client";
import { recordEvent } from "../events/outbox";
import { releaseOrphanedPayment } from "../order-management/orphaned-payments";
import { getPaymentProvider } from "../payments/registry";
import { PaymentProviderError, type PaymentProvider, type ProviderData } from "../payments/provider";
import { loadCart } from "./cart-store";
import { cartTotals } from "./cart-totals";
import { assertDiscountUsable, redeemDiscount } from "./discounts";
import { conflict, notAllowed, StoreError } from "./errors";
import { assertGiftCardsUsable, redeemGiftCards } from "./gift-cards";
import { newId } from "./ids";
import { findOrderOfCart } from "./orders";
import { hasNothingToPay, paymentContext, providerFailure, replacePaymentSession, sessionData } from "./payment-sessions";
import { countryNeedsProvince, provincesOf } from "./provinces";
import type { CartRow } from "./queries";
import { regionPaymentProviderIds, serializeCart, type StoreCart, type StoreOrder } from "./serialize";

/** Refusals inside the order transaction after which the payment taken must be given back. */
const GIVE_PAYMENT_BACK = new Set(["insufficient_inventory", "discount_used_up", "discount_already_used", "gift_card_balance_changed"]);

export type CompletionResult =
  | { type: "order"; data: StoreOrder }
  | { type: "cart"; data: StoreCart; payment_status: string };

const ORDER_NUMBER_COUNTER = "order_display_id";

export async function completeCart(cartId: string): Promise<CompletionResult> {
  const cart = await loadCart(cartId);
  if (cart.completedAt) return existingOrder(cartId);

  if (hasNothingToPay(cart)) {
    assertReadyToComplete(cart, false);
    await assertCodesUsable(cart);
    return createOrderOrAnswerWinner(cart, null, null, {}, true);
  }
  const session = assertReadyToComplete(cart, true)!;
  await assertCodesUsable(cart);
  const context = paymentContext(cart, session.id);
  const provider = getPaymentProvider(session.providerId);
  const authorization = await provider.authorizePayment(sessionData(session), context).catch(async (error: unknown) => {
    // Paid for another amount than the cart's: the money goes back and the shopper pays anew.
    if (error instanceof PaymentProviderError && error.code === "amount_mismatch") {
      await givePaymentBack(cart, provider, sessionData(session), error.code);
      await replaceSessionQuietly(cart, session);
    }
    return providerFailure(error);
  });

  if (authorization.status !== "authorized") {
    await recordSessionStatus(cart, session.id, authorization.status, authorization.data);
    return { type: "cart", data: serializeCart(await loadCart(cartId)), payment_status: authorization.status };
  }

  return createOrderOrAnswerWinner(cart, session, provider, authorization.data, provider.isCaptured(authorization.data));
}

async function assertCodesUsable(cart: CartRow) {
  if (cart.discount) await assertDiscountUsable(db(), cart.discount, cart);
  assertGiftCardsUsable(cart);
}

async function createOrderOrAnswerWinner(
  cart: CartRow,
  session: CartRow["paymentSessions"][number] | null,
  provider: PaymentProvider | null,
  paymentData: ProviderData,
  captured: boolean,
): Promise<CompletionResult> {
  try {
    await createOrderFromCart(cart, session && { id: session.id, providerId: session.providerId, data: paymentData }, captured);
  } catch (error) {
    if (error instanceof CartClaimLost || isUniqueConstraintError(error)) {
      const order = await findOrderOfCart(cart.id);
      if (order) return { type: "order", data: order };
      throw conflict("The cart changed while it was being completed; review it and try again");
    }
    if (error instanceof StoreError && error.code && GIVE_PAYMENT_BACK.has(error.code) && provider && session) {
      await givePaymentBack(cart, provider, paymentData, error.code);
      await replaceSessionQuietly(cart, session);
    }
    throw error;
  }
  return existingOrder(cart.id);
}

/**
 * The payment of an order that was not made goes back: an authorization voided, a capture
 * refunded, once (keys derived from the payment), and recorded for the merchant with `reason`.
 * A provider that cannot release payments by reference is asked to cancel or refund directly.
 */
async function givePaymentBack(cart: CartRow, provider: PaymentProvider, data: ProviderData, reason: string) {
  const reference = provider.paymentReference(data);
  try {
    if (provider.releasePayment && reference) await releaseOrphanedPayment(provider.id, cart.id, reference, { orderId: null, reason });
    else if (provider.isCaptured(data)) await provider.refundPayment(data);
    else await provider.cancelPayment(data);
  } catch (error) {
    console.error(`complete-cart: could not give back ${provider.id} payment ${reference ?? ""} of cart ${cart.id}; the merchant must`, error);
  }
}

async function replaceSessionQuietly(cart: CartRow, session: CartRow["paymentSessions"][number]) {
  await replacePaymentSession(cart, session).catch((error: unknown) => {
    console.error("complete-cart: could not replace the payment session", error);
  });
}

async function existingOrder(cartId: string): Promise<CompletionResult> {
  const order = await findOrderOfCart(cartId);
  if (!order) throw conflict("The cart is being completed by another request; try again");
  return { type: "order", data: order };
}

function assertReadyToComplete(cart: CartRow, needsPayment: boolean) {
  if (cart.items.length === 0) throw notAllowed("Cannot complete a cart without items", "empty_cart");
  if (!cart.email) throw notAllowed("An email is required to complete the cart", "missing_email");
  const country = cart.shippingAddress?.countryCode;
  if (!country) throw notAllowed("A shipping address is required to complete the cart", "missing_shipping_address");
  if (countryNeedsProvince(country) && !cart.shippingAddress?.province) {
    throw notAllowed(`Choose the ${provincesOf(country)!.label.toLowerCase()} of the shipping address: the tax depends on it`, "missing_province");
  }
  if (cart.shippingMethods.length === 0) throw notAllowed("Choose a shipping method before completing the cart", "missing_shipping_method");
  // The merchant may have switched the option off since the shopper chose it (its row is read with the cart).
  const withdrawnMethod = cart.shippingMethods.find((method) => method.shippingOption.adminOnly);
  if (withdrawnMethod) {
    throw notAllowed(`The shipping option ${withdrawnMethod.name} is no longer offered; choose another shipping method`, "shipping_option_unavailable");
  }
  const withdrawn = cart.items.filter((item) => item.variant.product.status !== "published");
  if (withdrawn.length) {
    throw notAllowed(`${withdrawn.map((item) => item.title).join(", ")} ${withdrawn.length === 1 ? "is" : "are"} no longer for sale: remove ${withdrawn.length === 1 ? "it" : "them"} from the cart to place the order`, "product_unavailable");
  }
  if (!needsPayment) return null;
  const session = cart.paymentSessions.find((candidate) => candidate.isSelected);
  if (!session) throw notAllowed("You cannot complete a cart without a payment session", "no_payment_session");
  // The merchant may have stopped offering the provider since the shopper chose it.
  if (!regionPaymentProviderIds(cart.region).includes(session.providerId)) {
    throw notAllowed(`Payment provider ${session.providerId} is no longer offered in region ${cart.region.name}; choose another payment method`, "provider_not_in_region");
  }
  return session;
}

async function recordSessionStatus(cart: CartRow, sessionId: string, status: string, data: ProviderData) {
  await db().paymentSession.updateMany({
    where: { id: sessionId, cart: { completedAt: null } },
    data: { status, dataJson: JSON.stringify(data) },
  });
}

class CartClaimLost extends Error {}

type AuthorizedPayment = { id: string; providerId: string; data: ProviderData };

async function createOrderFromCart(cart: CartRow, payment: AuthorizedPayment | null, captured: boolean) {
  const totals = cartTotals(cart);
  const now = new Date();
  const displayId = await takeOrderNumber();
  await db().$transaction(async (tx) => {
    await claimCartVersion(tx, cart, now);
    const orderId = newId("order");
    const paymentId = newId("payment");
    // createMany: a create would read the order back, which nothing here needs.
    await tx.order.createMany({
      data: {
        id: orderId,
        displayId,
        cartId: cart.id,
        email: cart.email!,
        customerId: cart.customerId!,
        regionId: cart.regionId,
        currencyCode: cart.region.currencyCode,
        taxRateBasisPoints: cart.region.taxRateBasisPoints,
        status: "pending",
        paymentStatus: captured ? "captured" : "awaiting",
        fulfillmentStatus: "not_fulfilled",
        shippingAddressId: cart.shippingAddressId!,
        billingAddressId: cart.billingAddressId,
        discountCode: cart.discount?.code ?? null,
        discountType: cart.discount?.type ?? null,
        discountValue: cart.discount?.value ?? null,
        discountProductIds: cart.discount?.productIds ?? null,
        subtotal: totals.subtotal,
        discountTotal: totals.discount_total,
        shippingTotal: totals.shipping_total,
        taxTotal: totals.tax_total,
        giftCardTotal: totals.gift_card_total,
        total: totals.total,
        inAccount: cart.inAccount,
        createdAt: now,
      },
    });
    if (payment) {
      await tx.payment.createMany({
        data: {
          id: paymentId,
          orderId,
          providerId: payment.providerId,
          amount: totals.total,
          currencyCode: cart.region.currencyCode,
          dataJson: JSON.stringify(payment.data),
          capturedAt: captured ? now : null,
        },
      });
    }
    await redeemDiscount(tx, cart, orderId);
    await redeemGiftCards(tx, cart, orderId);
    // The order keeps the tax lines it was sold with, whatever the rates become later.
    await attachToOrder(tx, "LineItem", cart.id, orderId, cart.items.map((item) => [item.id, totals.items[item.id].tax_lines]));
    await attachToOrder(tx, "ShippingMethod", cart.id, orderId, cart.shippingMethods.map((method) => [method.id, totals.shippingMethods[method.id].tax_lines]));
    if (payment) {
      await tx.paymentSession.updateMany({ where: { id: payment.id }, data: { status: "authorized", dataJson: JSON.stringify(payment.data) } });
    }
    // Stock last but for the events: its rows are the ones concurrent completions share, and they
    // stay locked from here to the commit.
    await reserveStock(tx, cart);
    await recordEvent(tx, { name: "order.placed", resourceId: orderId });
    // Captured at checkout (Stripe's automatic capture): the capture is an event too, so every
    // capture is announced once whoever made it; the confirmation email covers it for the shopper.
    if (payment && captured) {
      await recordEvent(tx, { name: "order.payment_captured", resourceId: orderId, data: { payment_id: paymentId, amount: totals.total, at_checkout: true } });
    }
  });
}

/**
 * The next order number, taken in a statement of its own, as a database sequence would give it:
 * every completion needs the one counter row, and taken inside the order's transaction it stayed
 * locked until that committed, so on PostgreSQL concurrent completions queued behind each other
 * (p95 over a second at 16 shoppers). Numbers are unique and increasing; a completion that fails
 * after taking one (stock ran out, a concurrent completion won) leaves a gap, as Medusa's
 * display_id sequence does.
 */
async function takeOrderNumber(): Promise<number> {
  const { value } = await db().counter.upsert({
    where: { name: ORDER_NUMBER_COUNTER },
    create: { name: ORDER_NUMBER_COUNTER, value: 1 },
    update: { value: { increment: 1 } },
  });
  return value;
}

/** The cart's lines (or shipping methods) join the order with their tax lines: one statement however many there are. */
async function attachToOrder(tx: DbTransaction, table: "LineItem" | "ShippingMethod", cartId: string, orderId: string, taxLines: [string, unknown][]) {
  if (taxLines.length === 0) return;
  const cases = Prisma.join(taxLines.map(([id, lines]) => Prisma.sql`WHEN ${id} THEN ${JSON.stringify(lines)}`), " ");
  const ids = Prisma.join(taxLines.map(([id]) => id));
  await tx.$executeRaw`
    UPDATE ${Prisma.raw(`"${table}"`)} SET "orderId" = ${orderId}, "taxLinesJson" = CASE "id" ${cases} END
    WHERE "cartId" = ${cartId} AND "id" IN (${ids})`;
}

/** Only the version that was priced and authorized may become the order. */
async function claimCartVersion(tx: DbTransaction, cart: CartRow, now: Date) {
  const claimed = await tx.cart.updateMany({
    where: { id: cart.id, completedAt: null, version: cart.version },
    data: { completedAt: now, version: { increment: 1 } },
  });
  if (claimed.count === 0) throw new CartClaimLost();
}

/**
 * One conditional decrement for every stock-managed line: a line is only decremented when the
 * stock covers it (or backorder is allowed), so stock never goes below zero; if any line was not
 * covered, fewer rows changed than lines need it and the whole transaction is undone.
 * On PostgreSQL the rows are locked first in id order: an UPDATE locks them in whatever order it
 * scans them, so two carts sharing two variants could each hold one and wait for the other
 * (deadlock). SQLite has one write lock for the whole database, so no order is needed there.
 */
async function reserveStock(tx: DbTransaction, cart: CartRow) {
  const managedLines = cart.items.filter((item) => item.variant.manageInventory);
  if (managedLines.length === 0) return;
  if (databaseTarget().dialect === "postgres") {
    await tx.$queryRaw`
      SELECT "id" FROM "ProductVariant"
      WHERE "manageInventory" = true AND "id" IN (SELECT "variantId" FROM "LineItem" WHERE "cartId" = ${cart.id})
      ORDER BY "id" FOR UPDATE`;
  }
  const decremented = await tx.$executeRaw`
    UPDATE "ProductVariant" SET "inventoryQuantity" = "inventoryQuantity" - (
      SELECT "quantity" FROM "LineItem" WHERE "LineItem"."cartId" = ${cart.id} AND "LineItem"."variantId" = "ProductVariant"."id"
    )
    WHERE "manageInventory" = true
      AND "id" IN (SELECT "variantId" FROM "LineItem" WHERE "cartId" = ${cart.id})
      AND ("allowBackorder" = true OR "inventoryQuantity" >= (
        SELECT "quantity" FROM "LineItem" WHERE "LineItem"."cartId" = ${cart.id} AND "LineItem"."variantId" = "ProductVariant"."id"
      ))`;
  if (decremented !== managedLines.length) {
    const short = await tx.productVariant.findMany({
      where: { id: { in: managedLines.map((item) => item.variantId) } },
      select: { id: true, inventoryQuantity: true, allowBackorder: true },
    });
    const missing = managedLines
      .filter((item) => {
        const variant = short.find((candidate) => candidate.id === item.variantId);
        return variant && !variant.allowBackorder && variant.inventoryQuantity < item.quantity;
      })
      .map((item) => `${item.title} (${item.description})`);
    throw notAllowed(
      `Not enough stock to complete the order: ${missing.join(", ") || "an item in the cart"} sold out in the meantime`,
      "insufficient_inventory",
    );
  }
}
