import type { StoreAddress, StoreRegion } from "@/lib/sdk/types";

export function countryName(region: Pick<StoreRegion, "countries">, code: string | null | undefined): string {
  if (!code) return "";
  return region.countries.find((country) => country.iso_2 === code)?.display_name ?? code.toUpperCase();
}

export function AddressSummary({ address, region }: { address: StoreAddress | null; region: Pick<StoreRegion, "countries"> }) {
  if (!address) return <p className="muted">No address</p>;
  return (
    <address className="address-summary">
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
      {countryName(region, address.country_code)}
      {address.phone ? (
        <>
          <br />
          {address.phone}
        </>
      ) : null}
    </address>
  );
}
