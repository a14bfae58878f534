// Regions: the currency, tax rate, countries and providers a cart is priced and paid in.
import { db, type DbTransaction } from "../db/client";
import { findGraph, findGraphs } from "../db/graph";
import { invalidData, notFound } from "./errors";
import { looksLikeId } from "./ids";
import { regionInclude, type RegionRow } from "./queries";
import { serializeRegion, type StoreRegion } from "./serialize";

export async function listRegions(page: { limit: number; offset: number }) {
  const [regions, count] = await Promise.all([
    findGraphs<RegionRow>(db(), "Region", regionInclude, { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: page.limit, skip: page.offset }),
    db().region.count(),
  ]);
  return { regions: regions.map(serializeRegion), count, offset: page.offset, limit: page.limit };
}

export async function findRegion(regionId: string, client: DbTransaction = db()): Promise<RegionRow> {
  if (!looksLikeId("region", regionId)) throw notFound("Region", regionId);
  // With its countries and tax rates, in one statement.
  const region = await findGraph<RegionRow>(client, "Region", regionId, regionInclude);
  if (!region) throw notFound("Region", regionId);
  return region;
}

export async function retrieveRegion(regionId: string): Promise<StoreRegion> {
  return serializeRegion(await findRegion(regionId));
}

export async function regionForCountry(countryCode: string): Promise<RegionRow> {
  const country = await findGraph<{ region: RegionRow | null }>(db(), "Country", countryCode, { region: { include: regionInclude } }, "iso2");
  if (!country?.region) throw invalidData(`No region ships to country ${countryCode}`, "country_not_served");
  return country.region;
}

/** The first region the merchant created: where a cart without a region or country starts. */
export async function findDefaultRegion(): Promise<RegionRow> {
  const [region] = await findGraphs<RegionRow>(db(), "Region", regionInclude, { orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 1 });
  if (!region) throw invalidData("The store has no regions yet", "no_regions");
  return region;
}
