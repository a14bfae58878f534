"use client";
// After sign-in or registration the cart the shopper filled as a guest becomes theirs (its
// customer and email follow the account). A cart that cannot join (completed, gone, another
// account's) is forgotten, and a new one starts with the next item.
import { useCallback } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { storeClient } from "@/lib/sdk/client";
import type { StoreCustomer } from "@/lib/sdk/types";

export function useKeepCartInAccount() {
  const { cart, mutate, forgetCart } = useCart();
  const cartId = cart?.id;
  return useCallback(
    async (customer: StoreCustomer) => {
      if (!cartId) return;
      await mutate((current) => storeClient.carts.update(current.id, { customer_id: customer.id })).catch(() => forgetCart());
    },
    [cartId, mutate, forgetCart],
  );
}
