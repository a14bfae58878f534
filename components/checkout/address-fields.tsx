"use client";
// The fields of one address; used for shipping and, when it differs, billing.
import { SelectField, TextField } from "@/components/ui/text-field";
import { provincesOf } from "@/lib/commerce/provinces";
import type { AddressErrors, AddressValues } from "./address-form-values";

type Props = {
  prefix: "shipping" | "billing";
  values: AddressValues;
  errors: AddressErrors;
  countries: { value: string; label: string }[];
  onChange: (field: keyof AddressValues, value: string) => void;
  disabled?: boolean;
};

export function AddressFields({ prefix, values, errors, countries, onChange, disabled }: Props) {
  const id = (field: keyof AddressValues) => `${prefix}-${field.replace(/_/g, "-")}`;
  const auto = (token: string) => `${prefix} ${token}`;
  const field = (name: keyof AddressValues) => ({
    id: id(name),
    name: `${prefix}.${name}`,
    value: values[name],
    error: errors[name],
    disabled,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => onChange(name, event.target.value),
  });
  const provinces = provincesOf(values.country_code);
  return (
    <div className="form-grid">
      <TextField {...field("first_name")} label="First name" autoComplete={auto("given-name")} />
      <TextField {...field("last_name")} label="Last name" autoComplete={auto("family-name")} />
      <TextField {...field("address_1")} label="Street and house number" autoComplete={auto("address-line1")} className="form-grid__wide" />
      <TextField {...field("address_2")} label="Apartment, suite, etc." optional autoComplete={auto("address-line2")} className="form-grid__wide" />
      <TextField {...field("postal_code")} label="Postal code" autoComplete={auto("postal-code")} />
      <TextField {...field("city")} label="City" autoComplete={auto("address-level2")} />
      <SelectField
        id={id("country_code")}
        name={`${prefix}.country_code`}
        label="Country"
        value={values.country_code}
        error={errors.country_code}
        disabled={disabled}
        autoComplete={auto("country")}
        options={countries}
        onChange={(event) => onChange("country_code", event.target.value)}
      />
      {provinces ? (
        // Sales tax depends on the state, so countries that have them ask for one from a list.
        <SelectField
          id={id("province")}
          name={`${prefix}.province`}
          label={provinces.label}
          value={values.province}
          error={errors.province}
          disabled={disabled}
          autoComplete={auto("address-level1")}
          options={[{ value: "", label: `Choose a ${provinces.label.toLowerCase()}` }, ...provinces.list.map((province) => ({ value: province.code, label: province.name }))]}
          onChange={(event) => onChange("province", event.target.value)}
        />
      ) : null}
      <TextField {...field("phone")} label="Phone" optional type="tel" autoComplete={auto("tel")} />
    </div>
  );
}
