// Gift cards: a code with a balance in its region's currency. Applied to a cart they pay, after
// discounts and tax, for what is left (never below zero; the first applied is used first). The
// balance is taken at completion, inside the order's transaction, by a conditional decrement:
// two carts completing at once with one card can never take more than it holds.
import { db, type DbTransaction } from "../db/client";
import { cartTotals } from "./cart-totals";
import { changeCart } from "./cart-store";
import { notAllowed, StoreError } from "./errors";
import { newId } from "./ids";
import { dateText } from "./money-text";
import { syncPaymentSessions } from "./payment-sessions";
import { regionInclude, type CartRow } from "./queries";
import { serializeRegion, type StoreCart } from "./serialize";

const normalizeCode = (code: string) => code.trim().toUpperCase();

/** carts.update(id, { gift_cards: [{ code }] }): the cart's cards become exactly these. */
export async function setCartGiftCards(tx: DbTransaction, cart: CartRow, entered: { code: string }[], now = new Date()): Promise<void> {
  const codes = [...new Set(entered.map((card) => normalizeCode(card.code)))];
  const cards = [];
  for (const code of codes) {
    const card = await tx.giftCard.findUnique({ where: { code } });
    if (!card || card.isDisabled) throw notAllowed(`The gift card ${code} does not exist. Check the code and try again.`, "gift_card_not_found");
    if (card.endsAt && now >= card.endsAt) throw notAllowed(`The gift card ${code} expired on ${dateText(card.endsAt)}.`, "gift_card_expired");
    if (card.regionId !== cart.regionId) throw notAllowed(`The gift card ${code} cannot be used in ${cart.region.name}.`, "gift_card_not_in_region");
    if (card.balance === 0) throw notAllowed(`The gift card ${code} has no balance left.`, "gift_card_used_up");
    cards.push(card);
  }
  const kept = new Set(cart.giftCards.map((applied) => applied.giftCardId));
  await tx.cartGiftCard.deleteMany({ where: { cartId: cart.id, giftCardId: { notIn: cards.map((card) => card.id) } } });
  let order = 0;
  for (const card of cards) {
    order += 1;
    if (kept.has(card.id)) continue;
    await tx.cartGiftCard.create({ data: { cartId: cart.id, giftCardId: card.id, appliedAt: new Date(now.getTime() + order) } });
  }
}

/** DELETE /store/carts/:id/gift-cards/:code; the payment follows. */
export async function removeGiftCard(cartId: string, enteredCode: string): Promise<StoreCart> {
  const code = normalizeCode(enteredCode);
  await changeCart(cartId, async (tx, cart) => {
    const applied = cart.giftCards.find(({ giftCard }) => giftCard.code === code);
    if (!applied) throw new StoreError("not_found", `The gift card ${code} is not applied to this cart`, "gift_card_not_applied");
    await tx.cartGiftCard.delete({ where: { cartId_giftCardId: { cartId, giftCardId: applied.giftCardId } } });
  });
  return syncPaymentSessions(cartId);
}

/** Before any payment at completion: every applied card is still usable as the cart was priced. */
export function assertGiftCardsUsable(cart: CartRow, now = new Date()): void {
  for (const { giftCard } of cart.giftCards) {
    if (giftCard.isDisabled || (giftCard.endsAt && now >= giftCard.endsAt)) {
      throw notAllowed(`The gift card ${giftCard.code} can no longer be used. Remove it to place your order.`, "gift_card_expired");
    }
  }
}

/**
 * Inside the completion transaction: takes from each card what it pays of this cart, only if the
 * balance still covers it, and records the transaction on the order.
 */
export async function redeemGiftCards(tx: DbTransaction, cart: CartRow, orderId: string): Promise<void> {
  // In id order, so two orders sharing two cards cannot each hold one and wait for the other.
  const cards = [...cartTotals(cart).giftCards].sort((a, b) => a.id.localeCompare(b.id));
  for (const { id, code, amount } of cards) {
    if (amount === 0) continue;
    const taken = await tx.$executeRaw`
      UPDATE "GiftCard" SET "balance" = "balance" - ${amount}
      WHERE "id" = ${id} AND "balance" >= ${amount} AND "isDisabled" = false`;
    if (taken !== 1) {
      throw notAllowed(
        `The balance of gift card ${code} changed while you were checking out (it was used for another order). Review your cart and place the order again.`,
        "gift_card_balance_changed",
      );
    }
    await tx.giftCardTransaction.create({ data: { id: newId("giftCardTransaction"), giftCardId: id, orderId, amount } });
  }
}

/** GET /store/gift-cards/:code (medusa-js giftCards.retrieve): a shopper checks a card's balance. */
export async function retrieveGiftCard(enteredCode: string, now = new Date()) {
  const code = normalizeCode(enteredCode);
  const card = await db().giftCard.findUnique({ where: { code }, include: { region: { include: regionInclude } } });
  if (!card || card.isDisabled || (card.endsAt && now >= card.endsAt)) {
    throw new StoreError("not_found", `Gift card ${code} was not found`, "gift_card_not_found");
  }
  return {
    id: card.id,
    code: card.code,
    value: card.value,
    balance: card.balance,
    region_id: card.regionId,
    region: serializeRegion(card.region),
    ends_at: card.endsAt ? card.endsAt.toISOString() : null,
  };
}
