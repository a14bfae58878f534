// Carts: create, read, and the changes a shopper makes to the cart itself (email, addresses,
// region, discount). Every change runs through changeCart, which refuses completed carts and
// bumps the cart version inside the same transaction (completion prices one version only).
import { db, isUniqueConstraintError, type DbTransaction } from "../db/client";
import { cartCompleted, conflict, invalidData, notAllowed, notFound, StoreError } from "./errors";
import { looksLikeId, newId } from "./ids";
import { addItemsToNewCart } from "./line-items";
import { resetPaymentSessions, syncPaymentSessions } from "./payment-sessions";
import { cartInclude, type CartRow } from "./queries";
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
};

export async function loadCart(cartId: string, client: DbTransaction = db()): Promise<CartRow> {
  if (!looksLikeId("cart", cartId)) throw notFound("Cart", cartId);
  const cart = await client.cart.findUnique({ where: { id: cartId }, include: cartInclude });
  if (!cart) throw notFound("Cart", cartId);
  return cart;
}

export async function retrieveCart(cartId: string): Promise<StoreCart> {
  return serializeCart(await loadCart(cartId));
}

/**
 * Runs one change to a cart in one transaction: claims the cart (refusing a completed one and
 * bumping its version, which also locks the row on Postgres), hands the current cart to the
 * change, and commits. Concurrent changes and completion are serialised by that claim.
 */
export async function changeCart<T>(cartId: string, change: (tx: DbTransaction, cart: CartRow) => Promise<T>): Promise<T> {
  if (!looksLikeId("cart", cartId)) throw notFound("Cart", cartId);
  const run = db().$transaction(async (tx) => {
    const claimed = await tx.cart.updateMany({ where: { id: cartId, completedAt: null }, data: { version: { increment: 1 } } });
    if (claimed.count === 0) {
      const exists = await tx.cart.findUnique({ where: { id: cartId }, select: { id: true } });
      throw exists ? cartCompleted(cartId) : notFound("Cart", cartId);
    }
    return change(tx, await loadCart(cartId, tx));
  });
  return run.catch((error: unknown) => {
    // Two requests created the same thing at once (e.g. payment sessions from two tabs); the
    // loser's transaction rolled back, and a retry will see the winner's rows.
    if (isUniqueConstraintError(error)) throw conflict("The cart was changed by another request at the same time; try again");
    throw error;
  });
}

/** The shopper a request speaks for: a signed-in customer's id, or null for a guest. */
export type Shopper = { customerId: string | null };

export const GUEST: Shopper = { customerId: null };

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
  await db().$transaction(async (tx) => {
    const shippingAddressId = input.country_code ? newId("address") : null;
    if (shippingAddressId) await tx.address.create({ data: { id: shippingAddressId, countryCode: input.country_code } });
    const owner = shopper.customerId ? await accountOwner(tx, shopper.customerId) : {};
    await tx.cart.create({ data: { id: cartId, regionId: region.id, shippingAddressId, ...owner } });
    if (input.items?.length) await addItemsToNewCart(tx, cartId, region.currencyCode, input.items);
  });
  return retrieveCart(cartId);
}

export async function updateCart(cartId: string, input: UpdateCartInput, shopper: Shopper = GUEST): Promise<StoreCart> {
  const { regionChanged, totalsMayChange } = await changeCart(cartId, async (tx, cart) => {
    if (input.customer_id !== undefined) await adoptCart(tx, cart, input.customer_id, shopper);

    let regionId = cart.regionId;
    let regionCountries = cart.region.countries.map((country) => country.iso2);
    const regionChanged = input.region_id !== undefined && input.region_id !== cart.regionId;
    if (regionChanged) {
      const region = await findRegion(input.region_id!, tx);
      regionId = region.id;
      regionCountries = region.countries.map((country) => country.iso2);
      await moveCartToRegion(tx, cart, region.id, region.currencyCode, regionCountries);
    }

    if (input.email !== undefined) await setCartEmail(tx, cart, input.email);

    const shippingAddress = input.shipping_address ?? (input.country_code ? { country_code: input.country_code } : undefined);
    if (shippingAddress) {
      const country = shippingAddress.country_code;
      if (country && !regionCountries.includes(country)) {
        throw invalidData("Shipping country must be in the cart region", "invalid_shipping_country");
      }
      const id = await saveAddress(tx, cart.shippingAddressId, shippingAddress);
      if (id !== cart.shippingAddressId) await tx.cart.update({ where: { id: cart.id }, data: { shippingAddressId: id } });
    }
    if (input.billing_address) {
      const id = await saveAddress(tx, cart.billingAddressId, input.billing_address);
      if (id !== cart.billingAddressId) await tx.cart.update({ where: { id: cart.id }, data: { billingAddressId: id } });
    }

    if (input.discounts !== undefined) await applyDiscounts(tx, cart.id, regionId, input.discounts);
    else if (regionChanged && cart.discount?.regionId && cart.discount.regionId !== regionId) {
      await tx.cart.update({ where: { id: cart.id }, data: { discountId: null } });
    }
    return { regionChanged, totalsMayChange: regionChanged || input.discounts !== undefined };
  });

  if (totalsMayChange && !regionChanged) return syncPaymentSessions(cartId);
  if (regionChanged) await resetPaymentSessions(cartId);
  return retrieveCart(cartId);
}

/** Region change: reprice the lines in the new currency, drop what cannot follow. */
async function moveCartToRegion(
  tx: DbTransaction,
  cart: CartRow,
  regionId: string,
  currencyCode: string,
  countries: string[],
): Promise<void> {
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
async function setCartEmail(tx: DbTransaction, cart: CartRow, email: string): Promise<void> {
  const normalized = email.trim().toLowerCase();
  const current = await tx.cart.findUniqueOrThrow({ where: { id: cart.id }, select: { email: true, inAccount: true } });
  if (current.inAccount && current.email === normalized) return;
  const customer = await tx.customer.upsert({
    where: { email: normalized },
    create: { id: newId("customer"), email: normalized },
    update: {},
  });
  await tx.cart.update({ where: { id: cart.id }, data: { email: normalized, customerId: customer.id, inAccount: false } });
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

async function applyDiscounts(tx: DbTransaction, cartId: string, regionId: string, discounts: { code: string }[]) {
  if (discounts.length > 1) throw notAllowed("Only one discount code can be used per cart", "too_many_discounts");
  if (discounts.length === 0) {
    await tx.cart.update({ where: { id: cartId }, data: { discountId: null } });
    return;
  }
  const code = discounts[0].code.trim().toUpperCase();
  const discount = await tx.discount.findUnique({ where: { code } });
  if (!discount || discount.isDisabled) throw new StoreError("not_found", `Discount code ${code} is not valid`, "discount_not_found");
  if (discount.regionId && discount.regionId !== regionId) {
    throw notAllowed(`Discount code ${code} is not valid in this region`, "discount_not_in_region");
  }
  await tx.cart.update({ where: { id: cartId }, data: { discountId: discount.id } });
}
