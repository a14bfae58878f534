// The address form's values and their checks, apart from the markup. States/provinces come from
// the same list the server validates against (lib/commerce/provinces.ts, pure).
import { normalizeProvince, provincesOf } from "@/lib/commerce/provinces";
import type { AddressPayload, StoreAddress } from "@/lib/sdk/types";

export type AddressValues = {
  first_name: string;
  last_name: string;
  address_1: string;
  address_2: string;
  city: string;
  postal_code: string;
  country_code: string;
  province: string;
  phone: string;
};

export type AddressErrors = Partial<Record<keyof AddressValues, string>>;

export function addressValues(address: StoreAddress | null | undefined, fallbackCountry: string): AddressValues {
  return {
    first_name: address?.first_name ?? "",
    last_name: address?.last_name ?? "",
    address_1: address?.address_1 ?? "",
    address_2: address?.address_2 ?? "",
    city: address?.city ?? "",
    postal_code: address?.postal_code ?? "",
    country_code: address?.country_code ?? fallbackCountry,
    province: address?.province ?? "",
    phone: address?.phone ?? "",
  };
}

export function validateAddress(values: AddressValues, countryCodes: string[]): AddressErrors {
  const errors: AddressErrors = {};
  if (!values.first_name.trim()) errors.first_name = "Enter a first name";
  if (!values.last_name.trim()) errors.last_name = "Enter a last name";
  if (!values.address_1.trim()) errors.address_1 = "Enter a street address";
  if (!values.city.trim()) errors.city = "Enter a city";
  if (!values.postal_code.trim()) errors.postal_code = "Enter a postal code";
  else if (values.postal_code.trim().length > 20) errors.postal_code = "A postal code has at most 20 characters";
  if (!countryCodes.includes(values.country_code)) errors.country_code = "Choose a country we ship to";
  const provinces = provincesOf(values.country_code);
  if (provinces && !normalizeProvince(values.country_code, values.province)) errors.province = `Choose a ${provinces.label.toLowerCase()}`;
  if (values.phone.trim() && !/^[+()\d\s./-]{5,40}$/.test(values.phone.trim())) errors.phone = "Enter a phone number, e.g. +49 30 1234567";
  return errors;
}

export function addressPayload(values: AddressValues): AddressPayload {
  const optional = (value: string) => (value.trim() ? value.trim() : null);
  return {
    first_name: values.first_name.trim(),
    last_name: values.last_name.trim(),
    address_1: values.address_1.trim(),
    address_2: optional(values.address_2),
    city: values.city.trim(),
    postal_code: values.postal_code.trim(),
    country_code: values.country_code,
    // Only countries that need one send a state; switching to another country clears it.
    province: provincesOf(values.country_code) ? values.province : null,
    phone: optional(values.phone),
  };
}

export function sameAddress(a: StoreAddress | null | undefined, b: StoreAddress | null | undefined): boolean {
  if (!a || !b) return true;
  const fields = ["first_name", "last_name", "address_1", "address_2", "city", "postal_code", "country_code", "province", "phone"] as const;
  return fields.every((field) => (a[field] ?? "") === (b[field] ?? ""));
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** True when the form holds this saved address (so there is nothing new to save). */
export function sameAsSaved(values: AddressValues, saved: StoreAddress): boolean {
  const fields = ["first_name", "last_name", "address_1", "address_2", "city", "postal_code", "country_code", "phone"] as const;
  return fields.every((field) => values[field].trim() === (saved[field] ?? "").trim());
}

/** How a saved address reads in a list: "Ada Lovelace, Unter den Linden 1, 10117 Berlin". */
export function savedAddressLabel(saved: StoreAddress): string {
  return [`${saved.first_name ?? ""} ${saved.last_name ?? ""}`.trim(), saved.address_1, `${saved.postal_code ?? ""} ${saved.city ?? ""}`.trim()]
    .filter(Boolean)
    .join(", ");
}
