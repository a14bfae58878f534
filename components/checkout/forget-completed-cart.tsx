"use client";
// On the confirmation page: the cart that became this order is done; the next purchase starts a
// new cart.
import { useEffect } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { CART_COOKIE, clearBrowserCookie, readBrowserCookie } from "@/lib/sdk/cookies";

export function ForgetCompletedCart({ cartId }: { cartId: string }) {
  const { cart, forgetCart } = useCart();
  useEffect(() => {
    if (cart?.id === cartId) forgetCart();
    else if (readBrowserCookie(CART_COOKIE) === cartId) clearBrowserCookie(CART_COOKIE);
  }, [cart?.id, cartId, forgetCart]);
  return null;
}
