import type { StoreAddress, StoreRegion } from "@/lib/sdk/types";

export function countryName(region: Pick<StoreRegion, "countries">, code: string | null | undefined): string {
  if (!code) return "";
  return region.countries.find((country) => country.iso_2 === code)?.display_name ?? code.toUpperCase();
}

type AddressFields = Pick<StoreAddress, "first_name" | "last_name" | "address_1" | "address_2" | "postal_code" | "city" | "province" | "country_code" | "phone">;

/**
 * An address as every page shows it (checkout, confirmation, account, back office). The country is
 * named from the region's countries, or by `countryLabel` where there is no region at hand.
 */
export function AddressSummary({
  address,
  region,
  countryLabel,
  className = "address-summary",
}: {
  address: AddressFields | null | undefined;
  region?: Pick<StoreRegion, "countries">;
  countryLabel?: (code: string | null | undefined) => string;
  className?: string;
}) {
  if (!address) return <p className="muted">No address</p>;
  const country = region ? countryName(region, address.country_code) : countryLabel ? countryLabel(address.country_code) : (address.country_code ?? "").toUpperCase();
  return (
    <address className={className}>
      {[address.first_name, address.last_name].filter(Boolean).join(" ")}
      <br />
      {address.address_1}
      {address.address_2 ? (
        <>
          <br />
          {address.address_2}
        </>
      ) : null}
      <br />
      {[address.postal_code, address.city, address.province].filter(Boolean).join(" ")}
      <br />
      {country}
      {address.phone ? (
        <>
          <br />
          {address.phone}
        </>
      ) : null}
    </address>
  );
}
