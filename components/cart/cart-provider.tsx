"use client";
// The shopper's cart on the client. The server renders the first cart it read from the
// cart_id cookie; from then on every change goes through lib/sdk and the cart the server answers
// replaces this one, so the page always shows what the server says. Changes run one after the
// other, so quick clicks cannot apply out of order.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { storeClient } from "@/lib/sdk/client";
import { CART_COOKIE, COUNTRY_COOKIE, REGION_COOKIE, clearBrowserCookie, readBrowserCookie, setBrowserCookie } from "@/lib/sdk/cookies";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreCart, StoreRegion } from "@/lib/sdk/types";

type CartContextValue = {
  cart: StoreCart | null;
  region: StoreRegion;
  regions: StoreRegion[];
  countryCode: string;
  itemCount: number;
  /** True while a change is on its way to the server. */
  pending: boolean;
  /** Runs one change that answers with the cart (e.g. a checkout step) and keeps its answer. */
  mutate: (change: (cart: StoreCart) => Promise<{ cart: StoreCart }>) => Promise<StoreCart>;
  addItem: (variantId: string, quantity: number) => Promise<StoreCart>;
  changeCountry: (regionId: string, countryCode: string) => Promise<void>;
  /** The cart became an order (or went away): forget it. */
  forgetCart: () => void;
  replaceCart: (cart: StoreCart) => void;
};

const CartContext = createContext<CartContextValue | null>(null);

/** Refusals about a code (discount or gift card): the cart itself is fine. */
const isCodeRefusal = (code: string | undefined) =>
  Boolean(code && (code.startsWith("discount_") || code.startsWith("gift_card_") || code === "too_many_discounts"));

/** A cart that cannot take changes any more: gone (404) or already an order. */
function isUnusableCart(error: unknown): boolean {
  if (!isStoreApiError(error) || isCodeRefusal(error.code)) return false;
  return error.status === 404 || error.code === "cart_completed";
}

export function CartProvider(props: {
  initialCart: StoreCart | null;
  staleCartId: string | null;
  region: StoreRegion;
  regions: StoreRegion[];
  countryCode: string;
  children: React.ReactNode;
}) {
  const router = useRouter();
  const [cart, setCart] = useState<StoreCart | null>(props.initialCart);
  const [pendingCount, setPendingCount] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const cartRef = useRef(cart);
  cartRef.current = cart;

  // A server render after router.refresh() carries the newest cart.
  useEffect(() => setCart(props.initialCart), [props.initialCart]);

  useEffect(() => {
    if (props.staleCartId && readBrowserCookie(CART_COOKIE) === props.staleCartId) clearBrowserCookie(CART_COOKIE);
  }, [props.staleCartId]);

  const region = cart?.region ?? props.region;

  const enqueue = useCallback(<T,>(task: () => Promise<T>): Promise<T> => {
    setPendingCount((count) => count + 1);
    const run = queue.current.then(task, task);
    queue.current = run.catch(() => undefined);
    return run.finally(() => setPendingCount((count) => count - 1));
  }, []);

  const keep = useCallback((next: StoreCart) => {
    cartRef.current = next;
    setCart(next);
    setBrowserCookie(CART_COOKIE, next.id);
    return next;
  }, []);

  const forgetCart = useCallback(() => {
    cartRef.current = null;
    setCart(null);
    clearBrowserCookie(CART_COOKIE);
  }, []);

  const mutate = useCallback<CartContextValue["mutate"]>(
    (change) =>
      enqueue(async () => {
        const current = cartRef.current;
        if (!current) throw new Error("There is no cart to change");
        try {
          return keep((await change(current)).cart);
        } catch (error) {
          if (isUnusableCart(error)) forgetCart();
          throw error;
        }
      }),
    [enqueue, keep, forgetCart],
  );

  const addItem = useCallback<CartContextValue["addItem"]>(
    (variantId, quantity) =>
      enqueue(async () => {
        const current = cartRef.current;
        if (current) {
          try {
            return keep((await storeClient.carts.lineItems.create(current.id, { variant_id: variantId, quantity })).cart);
          } catch (error) {
            if (!isUnusableCart(error)) throw error;
            forgetCart(); // start a new cart below
          }
        }
        const { cart: created } = await storeClient.carts.create({ region_id: region.id, items: [{ variant_id: variantId, quantity }] });
        return keep(created);
      }),
    [enqueue, keep, forgetCart, region.id],
  );

  const changeCountry = useCallback<CartContextValue["changeCountry"]>(
    async (regionId, countryCode) => {
      setBrowserCookie(REGION_COOKIE, regionId);
      setBrowserCookie(COUNTRY_COOKIE, countryCode);
      const current = cartRef.current;
      if (current && current.region_id !== regionId) {
        try {
          await mutate((latest) => storeClient.carts.update(latest.id, { region_id: regionId }));
        } catch (error) {
          if (!isUnusableCart(error)) throw error;
        }
      }
      router.refresh(); // prices on server-rendered pages follow the new currency
    },
    [mutate, router],
  );

  const value = useMemo<CartContextValue>(
    () => ({
      cart,
      region,
      regions: props.regions,
      countryCode: region.countries.some((country) => country.iso_2 === props.countryCode)
        ? props.countryCode
        : (region.countries[0]?.iso_2 ?? ""),
      itemCount: cart?.items.reduce((sum, item) => sum + item.quantity, 0) ?? 0,
      pending: pendingCount > 0,
      mutate,
      addItem,
      changeCountry,
      forgetCart,
      replaceCart: keep,
    }),
    [cart, region, props.regions, props.countryCode, pendingCount, mutate, addItem, changeCountry, forgetCart, keep],
  );

  return <CartContext.Provider value={value}>{props.children}</CartContext.Provider>;
}

export function useCart(): CartContextValue {
  const value = useContext(CartContext);
  if (!value) throw new Error("useCart must be used inside <CartProvider>");
  return value;
}
