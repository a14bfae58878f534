import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { AddressBook } from "@/components/account/address-book";
import { requireSignedInCustomer } from "@/lib/sdk/account-session";
import { getStorefrontSession } from "@/lib/sdk/storefront-session";

export const metadata: Metadata = { title: "Your addresses" };

export default async function AddressesPage() {
  const [customer, { regions }] = await Promise.all([requireSignedInCustomer("/account/addresses"), getStorefrontSession()]);
  const countries = regions
    .flatMap((region) => region.countries)
    .map((country) => ({ value: country.iso_2, label: country.display_name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (
    <div className="container account-page">
      <h1>Your addresses</h1>
      <AccountNav current="/account/addresses" />
      <AddressBook initialAddresses={customer.shipping_addresses} countries={countries} />
    </div>
  );
}
