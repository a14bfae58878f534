// Carts: create, read, and the changes a shopper makes to the cart itself (email, addresses,
// region, discount, gift cards). Every change runs through changeCart, which refuses completed carts and
// bumps the cart version inside the same transaction (completion prices one version only);
// both live in cart-store.ts.
import { db, type DbTransaction } from "../db/client";
import { applyDiscountCode } from "./discounts";
import { changeCart, loadCart, retrieveCart } from "./cart-store";
import { invalidData, notAllowed, notFound, StoreError } from "./errors";
import { setCartGiftCards } from "./gift-cards";
import { looksLikeId, newId } from "./ids";
import { addItemsToNewCart } from "./line-items";
import { countryNeedsProvince, normalizeProvince, provincesOf } from "./provinces";
import { resetPaymentSessions, syncPaymentSessions } from "./payment-sessions";
import type { CartRow } from "./queries";
import { findDefaultRegion, findRegion, regionForCountry } from "./regions";
import { serializeCart, type StoreCart } from "./serialize";

export type AddressInput = {
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  phone?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  country_code?: string | null;
  province?: string | null;
  postal_code?: string | null;
  metadata?: Record<string, unknown> | null;
};

export type CreateCartInput = {
  region_id?: string;
  country_code?: string;
  items?: { variant_id: string; quantity: number }[];
};

export type UpdateCartInput = {
  region_id?: string;
  country_code?: string;
  email?: string;
  /** Only the signed-in customer's own id: the cart is adopted into their account. */
  customer_id?: string;
  shipping_address?: AddressInput;
  billing_address?: AddressInput;
  discounts?: { code: string }[];
  gift_cards?: { code: string }[];
};

/** The shopper a request speaks for: a signed-in customer's id, or null for a guest. */
export type Shopper = { customerId: string | null };

export const GUEST: Shopper = { customerId: null };

/**
 * A cart in a customer's account (made or adopted while signed in) is theirs alone: to anyone else
 * it does not exist. A guest cart is open to whoever holds its id, as in Medusa.
 */
export async function assertShopperMayUseCart(cartId: string, shopper: Shopper): Promise<void> {
  if (!looksLikeId("cart", cartId)) return; // the change itself answers 404
  const cart = await db().cart.findUnique({ where: { id: cartId }, select: { inAccount: true, customerId: true } });
  if (cart?.inAccount && cart.customerId !== shopper.customerId) throw notFound("Cart", cartId);
}

/** A signed-in customer's new cart is theirs from the start: their customer id and email. */
export async function createCart(input: CreateCartInput, shopper: Shopper = GUEST): Promise<StoreCart> {
  const region = input.region_id
    ? await findRegion(input.region_id)
    : input.country_code
      ? await regionForCountry(input.country_code)
      : await findDefaultRegion();
  if (input.country_code && !region.countries.some((country) => country.iso2 === input.country_code)) {
    throw invalidData(`Country ${input.country_code} is not in region ${region.name}`);
  }
  const cartId = newId("cart");
  const shippingAddressId = input.country_code ? newId("address") : null;
  const write = async (tx: DbTransaction) => {
    if (shippingAddressId) await tx.address.create({ data: { id: shippingAddressId, countryCode: input.country_code } });
    const owner = shopper.customerId ? await accountOwner(tx, shopper.customerId) : {};
    await tx.cart.create({ data: { id: cartId, regionId: region.id, shippingAddressId, ...owner } });
    if (input.items?.length) await addItemsToNewCart(tx, cartId, region, input.items);
  };
  // A guest's empty cart is one insert, atomic by itself; anything more shares a transaction.
  if (!shippingAddressId && !shopper.customerId && !input.items?.length) await write(db());
  else await db().$transaction(write);
  return retrieveCart(cartId);
}

export async function updateCart(cartId: string, input: UpdateCartInput, shopper: Shopper = GUEST): Promise<StoreCart> {
  const { regionChanged, totalsMayChange, changed } = await changeCart(cartId, async (tx, cart) => {
    if (input.customer_id !== undefined) await adoptCart(tx, cart, input.customer_id, shopper);

    let regionCountries = cart.region.countries.map((country) => country.iso2);
    const regionChanged = input.region_id !== undefined && input.region_id !== cart.regionId;
    if (regionChanged) {
      const region = await findRegion(input.region_id!, tx);
      regionCountries = region.countries.map((country) => country.iso2);
      await moveCartToRegion(tx, cart, region, regionCountries);
    }

    // The cart's own columns this change sets, written once at the end.
    const columns: { email?: string; customerId?: string; inAccount?: boolean; shippingAddressId?: string; billingAddressId?: string } = {};
    if (input.email !== undefined) Object.assign(columns, await cartEmailColumns(tx, cart, input.email, input.customer_id !== undefined));

    const shippingAddress = input.shipping_address ?? (input.country_code ? { country_code: input.country_code } : undefined);
    if (shippingAddress) {
      const country = shippingAddress.country_code;
      if (country && !regionCountries.includes(country)) {
        throw invalidData("Shipping country must be in the cart region", "invalid_shipping_country");
      }
      const id = await saveAddress(tx, cart.shippingAddressId, withProvinceChecked(shippingAddress, cart.shippingAddress?.countryCode));
      if (id !== cart.shippingAddressId) columns.shippingAddressId = id;
    }
    if (input.billing_address) {
      const id = await saveAddress(tx, cart.billingAddressId, withProvinceChecked(input.billing_address, cart.billingAddress?.countryCode));
      if (id !== cart.billingAddressId) columns.billingAddressId = id;
    }
    if (Object.keys(columns).length > 0) await tx.cart.updateMany({ where: { id: cart.id }, data: columns });

    // Codes are checked against the cart as this change leaves it (region, email, address).
    const codesChange = input.discounts !== undefined || input.gift_cards !== undefined || regionChanged;
    const current = codesChange ? await loadCart(cart.id, tx) : cart;
    if (input.discounts !== undefined) await applyDiscounts(tx, current, input.discounts);
    else if (regionChanged && cart.discount && !discountFollowsRegion(cart.discount, current.region)) {
      await tx.cart.update({ where: { id: cart.id }, data: { discountId: null } });
    }
    if (input.gift_cards !== undefined) await setCartGiftCards(tx, current, input.gift_cards);
    else if (regionChanged) await tx.cartGiftCard.deleteMany({ where: { cartId: cart.id } });
    // The shipping address decides the tax rate, so it may change the total too.
    const totalsMayChange = regionChanged || input.discounts !== undefined || input.gift_cards !== undefined || shippingAddress !== undefined;
    return { regionChanged, totalsMayChange, changed: await loadCart(cart.id, tx) };
  });

  if (regionChanged) {
    await resetPaymentSessions(cartId);
    return retrieveCart(cartId);
  }
  return totalsMayChange ? syncPaymentSessions(cartId, changed) : serializeCart(changed);
}

/** Region change: reprice the lines in the new currency, drop what cannot follow. */
async function moveCartToRegion(
  tx: DbTransaction,
  cart: CartRow,
  region: { id: string; currencyCode: string; includesTax: boolean },
  countries: string[],
): Promise<void> {
  const { id: regionId, currencyCode } = region;
  const prices = await tx.variantPrice.findMany({
    where: { variantId: { in: cart.items.map((item) => item.variantId) }, currencyCode },
    select: { variantId: true },
  });
  const priced = new Set(prices.map((price) => price.variantId));
  const unpriced = cart.items.filter((item) => !priced.has(item.variantId)).map((item) => item.id);
  if (unpriced.length) await tx.lineItem.deleteMany({ where: { id: { in: unpriced } } });
  await tx.$executeRaw`
    UPDATE "LineItem" SET "unitPrice" = (
      SELECT "amount" FROM "VariantPrice"
      WHERE "VariantPrice"."variantId" = "LineItem"."variantId" AND "VariantPrice"."currencyCode" = ${currencyCode}
    )
    WHERE "cartId" = ${cart.id}`;
  // A price says whether it includes tax, else the new region does.
  await tx.$executeRaw`
    UPDATE "LineItem" SET "includesTax" = COALESCE((
      SELECT "includesTax" FROM "VariantPrice"
      WHERE "VariantPrice"."variantId" = "LineItem"."variantId" AND "VariantPrice"."currencyCode" = ${currencyCode}
    ), ${region.includesTax})
    WHERE "cartId" = ${cart.id}`;
  await tx.shippingMethod.deleteMany({ where: { cartId: cart.id } });
  const keepsCountry = cart.shippingAddress?.countryCode && countries.includes(cart.shippingAddress.countryCode);
  if (cart.shippingAddress && !keepsCountry) {
    await tx.address.update({
      where: { id: cart.shippingAddress.id },
      data: { countryCode: countries.length === 1 ? countries[0] : null },
    });
  }
  await tx.cart.update({ where: { id: cart.id }, data: { regionId } });
}

/** The columns that put a cart into a signed-in customer's account. */
async function accountOwner(tx: DbTransaction, customerId: string) {
  const customer = await tx.customer.findUnique({ where: { id: customerId } });
  if (!customer?.hasAccount) throw new StoreError("unauthorized", "You must be signed in");
  return { customerId: customer.id, email: customer.email, inAccount: true };
}

/**
 * `customer_id` on a cart update (the storefront sends it after sign-in to keep the guest cart):
 * only the signed-in customer may be named, and a cart already in another account stays there.
 */
async function adoptCart(tx: DbTransaction, cart: CartRow, customerId: string, shopper: Shopper): Promise<void> {
  if (!shopper.customerId) throw new StoreError("unauthorized", "Sign in to attach a cart to your account");
  if (customerId !== shopper.customerId) throw notAllowed("A cart can only be attached to the signed-in customer", "customer_mismatch");
  if (cart.inAccount && cart.customerId !== shopper.customerId) {
    throw notAllowed("This cart belongs to another account", "cart_of_another_customer");
  }
  await tx.cart.update({ where: { id: cart.id }, data: await accountOwner(tx, customerId) });
}

/**
 * The email makes (or finds) the customer the order will belong to. A different email than the
 * account's takes the cart out of the account: its order will be a guest order of that email.
 */
async function cartEmailColumns(tx: DbTransaction, cart: CartRow, email: string, adoptedNow: boolean) {
  const normalized = email.trim().toLowerCase();
  // An adoption earlier in this change rewrote the row, so read it again then.
  const current = adoptedNow ? await tx.cart.findUniqueOrThrow({ where: { id: cart.id }, select: { email: true, inAccount: true } }) : cart;
  if (current.inAccount && current.email === normalized) return {};
  // One statement whether the customer exists or not (an upsert would read first).
  const now = new Date();
  const [customer] = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Customer" ("id", "email", "hasAccount", "createdAt", "updatedAt")
    VALUES (${newId("customer")}, ${normalized}, false, ${now}, ${now})
    ON CONFLICT ("email") DO UPDATE SET "email" = excluded."email"
    RETURNING "id"`;
  return { email: normalized, customerId: customer.id, inAccount: false };
}

export function addressColumns(input: AddressInput) {
  const columns = {
    firstName: input.first_name,
    lastName: input.last_name,
    company: input.company,
    phone: input.phone,
    address1: input.address_1,
    address2: input.address_2,
    city: input.city,
    countryCode: input.country_code,
    province: input.province,
    postalCode: input.postal_code,
    metadataJson: input.metadata === undefined ? undefined : input.metadata === null ? null : JSON.stringify(input.metadata),
  };
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined));
}

/** Updates the cart's own address row in place, or creates one; returns its id. */
async function saveAddress(tx: DbTransaction, existingId: string | null, input: AddressInput): Promise<string> {
  if (existingId) {
    await tx.address.update({ where: { id: existingId }, data: addressColumns(input) });
    return existingId;
  }
  const id = newId("address");
  await tx.address.create({ data: { id, ...addressColumns(input) } });
  return id;
}

/** A region change keeps the discount only where it is valid and, if fixed, in its currency. */
function discountFollowsRegion(discount: { regionId: string | null; type: string; currencyCode: string | null }, region: { id: string; currencyCode: string }) {
  if (discount.regionId && discount.regionId !== region.id) return false;
  return !(discount.type === "fixed" && discount.currencyCode && discount.currencyCode !== region.currencyCode);
}

/** One discount per cart: a code replaces the current one; an empty list removes it. */
async function applyDiscounts(tx: DbTransaction, cart: CartRow, discounts: { code: string }[]) {
  if (discounts.length > 1) throw notAllowed("Only one discount code can be used per cart", "too_many_discounts");
  if (discounts.length === 0) {
    await tx.cart.update({ where: { id: cart.id }, data: { discountId: null } });
    return;
  }
  await applyDiscountCode(tx, cart, discounts[0].code);
}

/**
 * A state/province where the country needs one (US, CA) must be on its list; it is stored as
 * its code ("New York" → "NY"), which is what tax rates name.
 */
function withProvinceChecked(address: AddressInput, currentCountry: string | null | undefined): AddressInput {
  const country = address.country_code ?? currentCountry;
  if (!address.province || !countryNeedsProvince(country)) return address;
  const code = normalizeProvince(country, address.province);
  if (!code) {
    const label = provincesOf(country)!.label.toLowerCase();
    throw invalidData(`"${address.province}" is not a ${label} of ${country!.toUpperCase()}; choose one from the list`, "invalid_province");
  }
  return { ...address, province: code };
}
