// Where a country needs a state or province in its addresses (its sales tax depends on it), and
// the valid ones. Pure: the address forms list them, the API validates against the same list.

export type Province = { code: string; name: string };

const US_STATES: Province[] = [
  ["AL", "Alabama"], ["AK", "Alaska"], ["AZ", "Arizona"], ["AR", "Arkansas"], ["CA", "California"], ["CO", "Colorado"],
  ["CT", "Connecticut"], ["DE", "Delaware"], ["DC", "District of Columbia"], ["FL", "Florida"], ["GA", "Georgia"],
  ["HI", "Hawaii"], ["ID", "Idaho"], ["IL", "Illinois"], ["IN", "Indiana"], ["IA", "Iowa"], ["KS", "Kansas"],
  ["KY", "Kentucky"], ["LA", "Louisiana"], ["ME", "Maine"], ["MD", "Maryland"], ["MA", "Massachusetts"],
  ["MI", "Michigan"], ["MN", "Minnesota"], ["MS", "Mississippi"], ["MO", "Missouri"], ["MT", "Montana"],
  ["NE", "Nebraska"], ["NV", "Nevada"], ["NH", "New Hampshire"], ["NJ", "New Jersey"], ["NM", "New Mexico"],
  ["NY", "New York"], ["NC", "North Carolina"], ["ND", "North Dakota"], ["OH", "Ohio"], ["OK", "Oklahoma"],
  ["OR", "Oregon"], ["PA", "Pennsylvania"], ["RI", "Rhode Island"], ["SC", "South Carolina"], ["SD", "South Dakota"],
  ["TN", "Tennessee"], ["TX", "Texas"], ["UT", "Utah"], ["VT", "Vermont"], ["VA", "Virginia"], ["WA", "Washington"],
  ["WV", "West Virginia"], ["WI", "Wisconsin"], ["WY", "Wyoming"], ["PR", "Puerto Rico"],
].map(([code, name]) => ({ code, name }));

const CA_PROVINCES: Province[] = [
  ["AB", "Alberta"], ["BC", "British Columbia"], ["MB", "Manitoba"], ["NB", "New Brunswick"],
  ["NL", "Newfoundland and Labrador"], ["NS", "Nova Scotia"], ["NT", "Northwest Territories"], ["NU", "Nunavut"],
  ["ON", "Ontario"], ["PE", "Prince Edward Island"], ["QC", "Quebec"], ["SK", "Saskatchewan"], ["YT", "Yukon"],
].map(([code, name]) => ({ code, name }));

const PROVINCES_BY_COUNTRY: Record<string, { label: string; list: Province[] }> = {
  us: { label: "State", list: US_STATES },
  ca: { label: "Province", list: CA_PROVINCES },
};

/** The states/provinces of a country whose addresses need one, else null. */
export function provincesOf(countryCode: string | null | undefined): { label: string; list: Province[] } | null {
  return (countryCode && PROVINCES_BY_COUNTRY[countryCode.toLowerCase()]) || null;
}

export function countryNeedsProvince(countryCode: string | null | undefined): boolean {
  return provincesOf(countryCode) !== null;
}

/**
 * The province code for what a shopper entered ("ny", "New York" → "NY"); undefined when the
 * country has a list and the entry is not on it. Countries without a list keep the text as it is.
 */
export function normalizeProvince(countryCode: string | null | undefined, entered: string): string | undefined {
  const provinces = provincesOf(countryCode);
  if (!provinces) return entered;
  const wanted = entered.trim().toLowerCase();
  return provinces.list.find((province) => province.code.toLowerCase() === wanted || province.name.toLowerCase() === wanted)?.code;
}
