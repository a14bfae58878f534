// The merchant's regions (Medusa v1's admin regions): list, read, create and update the currency,
// tax rate, countries and the payment and fulfillment providers a region offers.
// Payment providers are the region's to choose: shoppers are offered exactly the providers the
// region lists that are installed (lib/commerce/serialize.ts regionPaymentProviderIds). The test
// provider `manual`, which takes orders without money, is offered only where a region names it:
// a region created without a list gets the real providers installed, never `manual`.
import { db, type DbTransaction } from "../db/client";
import { invalidData, notFound, StoreError } from "../commerce/errors";
import { looksLikeId, newId } from "../commerce/ids";
import { regionInclude, type RegionRow } from "../commerce/queries";
import { regionPaymentProviderIds, serializeRegion } from "../commerce/serialize";
import { installedPaymentProviderIds, isTestPaymentProvider } from "../payments/registry";
import type { CreateRegionInput, UpdateRegionInput } from "../api/admin-catalogue-validation";
import { knownCurrency } from "./currencies";
import { isoCountry } from "./iso-countries";

/** The only fulfillment provider this store has: the merchant ships by hand. */
export const FULFILLMENT_PROVIDER_IDS = ["manual"];

export function serializeAdminRegion(region: RegionRow) {
  return {
    ...serializeRegion(region),
    /** Providers the merchant chose that are not installed here (e.g. stripe without keys). */
    unavailable_payment_providers: splitIds(region.paymentProviderIds).filter((id) => !regionPaymentProviderIds(region).includes(id)),
    updated_at: null,
    deleted_at: null,
  };
}

export type AdminRegion = ReturnType<typeof serializeAdminRegion>;

const splitIds = (ids: string) =>
  ids
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);

export function listPaymentProviders() {
  return installedPaymentProviderIds().map((id) => ({ id, is_installed: true, is_test: isTestPaymentProvider(id) }));
}

export function listFulfillmentProviders() {
  return FULFILLMENT_PROVIDER_IDS.map((id) => ({ id, is_installed: true }));
}

export async function listAdminRegions(page: { limit: number; offset: number }) {
  const [regions, count] = await Promise.all([
    db().region.findMany({ include: regionInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: page.limit, skip: page.offset }),
    db().region.count(),
  ]);
  return { regions: regions.map(serializeAdminRegion), count, offset: page.offset, limit: page.limit };
}

async function loadRegion(regionId: string, client: DbTransaction = db()): Promise<RegionRow> {
  if (!looksLikeId("region", regionId)) throw notFound("Region", regionId);
  const region = await client.region.findUnique({ where: { id: regionId }, include: regionInclude });
  if (!region) throw notFound("Region", regionId);
  return region;
}

export async function retrieveAdminRegion(regionId: string): Promise<AdminRegion> {
  return serializeAdminRegion(await loadRegion(regionId));
}

function checkPaymentProviders(ids: string[]): string {
  const installed = installedPaymentProviderIds();
  const unknown = ids.find((id) => !installed.includes(id));
  if (unknown) throw invalidData(`payment_providers: "${unknown}" is not an installed payment provider (installed: ${installed.join(", ")})`, "unknown_payment_provider");
  return [...new Set(ids)].join(",");
}

function checkFulfillmentProviders(ids: string[]): string {
  const unknown = ids.find((id) => !FULFILLMENT_PROVIDER_IDS.includes(id));
  if (unknown) throw invalidData(`fulfillment_providers: "${unknown}" is not an installed fulfillment provider (installed: ${FULFILLMENT_PROVIDER_IDS.join(", ")})`, "unknown_fulfillment_provider");
  return [...new Set(ids)].join(",");
}

function checkCurrency(code: string) {
  if (!knownCurrency(code)) throw invalidData(`currency_code: could not find currency with code ${code}`, "unknown_currency");
}

/** Percent → basis points of a percent; at most two decimals (25.5 % → 2550). */
function taxRateBasisPoints(rate: number): number {
  const basisPoints = Math.round(rate * 100);
  if (Math.abs(basisPoints - rate * 100) > 1e-6) throw invalidData("tax_rate: at most two decimals (e.g. 25 or 7.25)", "invalid_tax_rate");
  return basisPoints;
}

/**
 * Gives the region exactly these countries. As in Medusa, a country that belongs to another
 * region is refused (remove it there first); a country left out leaves the region.
 */
async function setCountries(tx: DbTransaction, region: { id: string; name: string }, codes: string[]) {
  const wanted = [...new Set(codes)];
  const countries = wanted.map((code) => {
    const country = isoCountry(code);
    if (!country) throw invalidData(`countries: country with code ${code} not found`, "unknown_country");
    return country;
  });
  const rows = await tx.country.findMany({ where: { iso2: { in: wanted } }, include: { region: { select: { name: true } } } });
  for (const row of rows) {
    if (row.regionId && row.regionId !== region.id) {
      throw new StoreError("duplicate_error", `${row.displayName} already belongs to the region ${row.region?.name ?? row.regionId}; remove it there first`, "country_in_other_region");
    }
  }
  await tx.country.updateMany({ where: { regionId: region.id, iso2: { notIn: wanted } }, data: { regionId: null } });
  for (const country of countries) {
    if (rows.some((row) => row.iso2 === country.iso2)) {
      await tx.country.update({ where: { iso2: country.iso2 }, data: { regionId: region.id } });
    } else {
      await tx.country.create({ data: { iso2: country.iso2, iso3: country.iso3, name: country.name.toUpperCase(), displayName: country.name, regionId: region.id } });
    }
  }
}

export async function createAdminRegion(input: CreateRegionInput): Promise<AdminRegion> {
  checkCurrency(input.currency_code);
  const taxRate = taxRateBasisPoints(input.tax_rate);
  const paymentProviderIds = checkPaymentProviders(input.payment_providers ?? installedPaymentProviderIds().filter((id) => !isTestPaymentProvider(id)));
  const fulfillmentProviderIds = checkFulfillmentProviders(input.fulfillment_providers ?? FULFILLMENT_PROVIDER_IDS);
  const regionId = newId("region");
  await db().$transaction(async (tx) => {
    await tx.region.create({
      data: {
        id: regionId,
        name: input.name,
        currencyCode: input.currency_code,
        taxRateBasisPoints: taxRate,
        taxName: input.tax_code || "Tax",
        includesTax: input.includes_tax ?? false,
        paymentProviderIds,
        fulfillmentProviderIds,
      },
    });
    await setCountries(tx, { id: regionId, name: input.name }, input.countries);
  });
  return retrieveAdminRegion(regionId);
}

export async function updateAdminRegion(regionId: string, input: UpdateRegionInput): Promise<AdminRegion> {
  const data: Parameters<DbTransaction["region"]["update"]>[0]["data"] = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.tax_rate !== undefined) data.taxRateBasisPoints = taxRateBasisPoints(input.tax_rate);
  if (input.tax_code) data.taxName = input.tax_code;
  if (input.includes_tax !== undefined) data.includesTax = input.includes_tax;
  if (input.payment_providers !== undefined) data.paymentProviderIds = checkPaymentProviders(input.payment_providers);
  if (input.fulfillment_providers !== undefined) data.fulfillmentProviderIds = checkFulfillmentProviders(input.fulfillment_providers);
  if (input.currency_code !== undefined) checkCurrency(input.currency_code);
  await db().$transaction(async (tx) => {
    const region = await loadRegion(regionId, tx);
    if (input.currency_code !== undefined && input.currency_code !== region.currencyCode) {
      // Carts and orders keep prices in the region's currency: changing it under them would mix currencies.
      const [carts, orders] = await Promise.all([tx.cart.count({ where: { regionId } }), tx.order.count({ where: { regionId } })]);
      if (carts + orders > 0) {
        throw invalidData(`currency_code: the region already has carts or orders in ${region.currencyCode.toUpperCase()}; create a new region for ${input.currency_code.toUpperCase()}`, "currency_in_use");
      }
      data.currencyCode = input.currency_code;
    }
    await tx.region.update({ where: { id: regionId }, data });
    if (input.countries !== undefined) await setCountries(tx, { id: regionId, name: input.name ?? region.name }, input.countries);
  });
  return retrieveAdminRegion(regionId);
}

/** Medusa's POST /admin/regions/:id/payment-providers and DELETE …/:provider_id: one provider on or off. */
export async function setRegionPaymentProvider(regionId: string, providerId: string, offered: boolean): Promise<AdminRegion> {
  const region = await loadRegion(regionId);
  const current = splitIds(region.paymentProviderIds);
  if (!offered && !current.includes(providerId)) throw notFound("Payment provider of the region", providerId);
  const next = offered ? [...current, providerId] : current.filter((id) => id !== providerId);
  checkPaymentProviders(next);
  // Conditional on the list read, so two merchants changing it at once cannot lose a change.
  const written = await db().region.updateMany({ where: { id: regionId, paymentProviderIds: region.paymentProviderIds }, data: { paymentProviderIds: [...new Set(next)].join(",") } });
  if (written.count === 0) throw new StoreError("conflict", "The region was changed by another request at the same time; try again", "invalid_state_error");
  return retrieveAdminRegion(regionId);
}
