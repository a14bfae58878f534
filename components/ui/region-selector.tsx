"use client";
// Where the shopper shops: one list of countries, grouped by region, each with its currency.
// Choosing one moves the cart (if any) to that region, so prices and currency follow.
import { useId, useState } from "react";
import { useCart } from "@/components/cart/cart-provider";

export function RegionSelector() {
  const { regions, region, countryCode, changeCountry, pending } = useCart();
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const current = `${region.id}:${countryCode}`;

  async function onChange(event: React.ChangeEvent<HTMLSelectElement>) {
    const [regionId, country] = event.target.value.split(":");
    setError(null);
    try {
      await changeCountry(regionId, country);
    } catch {
      setError("Could not change the country. Please try again.");
    }
  }

  return (
    <div className="region-selector">
      <label htmlFor={id} className="region-selector__label">
        Ship to
      </label>
      <select id={id} value={current} onChange={onChange} disabled={pending} className="region-selector__select">
        {regions.map((candidate) => (
          <optgroup key={candidate.id} label={`${candidate.name} (${candidate.currency_code.toUpperCase()})`}>
            {[...candidate.countries]
              .sort((a, b) => a.display_name.localeCompare(b.display_name))
              .map((country) => (
                <option key={country.iso_2} value={`${candidate.id}:${country.iso_2}`}>
                  {country.display_name} · {candidate.currency_code.toUpperCase()}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      {error ? (
        <p role="alert" className="region-selector__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
