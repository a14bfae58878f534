// What every server-rendered page needs to know about the shopper: the regions, the region and
// country they shop in (cart first, then their cookie, then the store's default) and their cart.
// A cart cookie that points at a missing or completed cart is reported as stale, so the page
// starts a fresh cart instead of failing.
import { cache } from "react";
import { cookies } from "next/headers";
import { CART_COOKIE, COUNTRY_COOKIE, REGION_COOKIE } from "./cookies";
import * as store from "./server-store";
import type { StoreCart, StoreRegion } from "./types";

export type StorefrontSession = {
  regions: StoreRegion[];
  region: StoreRegion;
  countryCode: string;
  cart: StoreCart | null;
  /** The cart id from the cookie when it no longer names a usable cart. */
  staleCartId: string | null;
};

async function loadCart(cartId: string | undefined): Promise<{ cart: StoreCart | null; stale: boolean }> {
  if (!cartId) return { cart: null, stale: false };
  try {
    const cart = await store.cart(cartId);
    return cart.completed_at ? { cart: null, stale: true } : { cart, stale: false };
  } catch (error) {
    if (store.isStoreRefusal(error, 404, 400)) return { cart: null, stale: true };
    throw error;
  }
}

export const getStorefrontSession = cache(async (): Promise<StorefrontSession> => {
  const jar = await cookies();
  const cartId = jar.get(CART_COOKIE)?.value;
  const [regions, { cart, stale }] = await Promise.all([store.regions(), loadCart(cartId)]);
  if (regions.length === 0) throw new Error("The store has no regions");

  const wantedRegionId = cart?.region_id ?? jar.get(REGION_COOKIE)?.value;
  const region = regions.find((candidate) => candidate.id === wantedRegionId) ?? regions[0];
  const wantedCountry = jar.get(COUNTRY_COOKIE)?.value;
  const countryCode = region.countries.some((country) => country.iso_2 === wantedCountry)
    ? wantedCountry!
    : (region.countries[0]?.iso_2 ?? "");

  return { regions, region, countryCode, cart, staleCartId: stale ? (cartId ?? null) : null };
});
