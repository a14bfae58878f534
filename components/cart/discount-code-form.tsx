"use client";
// "Discount code" and "Gift card" fields of the cart and the checkout summary. One discount code
// per cart (a new one replaces it); gift cards add up, each shown with its balance.
import { formatMoney } from "@/components/ui/format-money";
import type { StoreCart } from "@/lib/sdk/types";
import { useCart } from "./cart-provider";
import { CodeForm } from "./code-form";

export function DiscountCodeForm({ cart }: { cart: StoreCart }) {
  const { applyDiscount, removeDiscount } = useCart();
  return (
    <CodeForm
      label="Discount code"
      noun="discount code"
      testId="discount"
      action="Apply"
      applied={cart.discounts.map((discount) => ({ code: discount.code }))}
      apply={applyDiscount}
      remove={removeDiscount}
    />
  );
}

export function GiftCardForm({ cart }: { cart: StoreCart }) {
  const { applyGiftCard, removeGiftCard } = useCart();
  const currencyCode = cart.region.currency_code;
  return (
    <CodeForm
      label="Gift card"
      noun="gift card"
      testId="gift-card"
      action="Redeem"
      applied={cart.gift_cards.map((card) => ({ code: card.code, detail: `balance ${formatMoney(card.balance, currencyCode)}` }))}
      apply={applyGiftCard}
      remove={removeGiftCard}
    />
  );
}
