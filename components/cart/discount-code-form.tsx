"use client";
// "Discount code" and "Gift card" fields of the cart and the checkout summary. One discount code
// per cart (a new one replaces it); gift cards add up, each shown with its balance. The changes
// live here, not in CartProvider, so pages without these fields do not load them.
import { formatMoney } from "@/components/ui/format-money";
import { storeClient } from "@/lib/sdk/client";
import type { StoreCart } from "@/lib/sdk/types";
import { useCart } from "./cart-provider";
import { CodeForm } from "./code-form";

export function DiscountCodeForm({ cart }: { cart: StoreCart }) {
  const { mutate } = useCart();
  return (
    <CodeForm
      label="Discount code"
      noun="discount code"
      testId="discount"
      action="Apply"
      applied={cart.discounts.map((discount) => ({ code: discount.code }))}
      apply={(code) => mutate((current) => storeClient.carts.update(current.id, { discounts: [{ code }] }))}
      remove={(code) => mutate((current) => storeClient.carts.deleteDiscount(current.id, code))}
    />
  );
}

export function GiftCardForm({ cart }: { cart: StoreCart }) {
  const { mutate } = useCart();
  const currencyCode = cart.region.currency_code;
  return (
    <CodeForm
      label="Gift card"
      noun="gift card"
      testId="gift-card"
      action="Redeem"
      applied={cart.gift_cards.map((card) => ({ code: card.code, detail: `balance ${formatMoney(card.balance, currencyCode)}` }))}
      // Adds to the gift cards the cart already uses.
      apply={(code) =>
        mutate((current) => storeClient.carts.update(current.id, { gift_cards: [...current.gift_cards.map((card) => ({ code: card.code })), { code }] }))
      }
      remove={(code) => mutate((current) => storeClient.carts.deleteGiftCard(current.id, code))}
    />
  );
}
