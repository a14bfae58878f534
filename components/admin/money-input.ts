// The merchant types "12.50"; the Admin API takes minor units (1250 for EUR, 13 for JPY "13").
export function currencyDigits(currencyCode: string): number {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: currencyCode.toUpperCase() }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** Minor units, or null when the text is not an amount with at most the currency's decimals. */
export function parseMoney(text: string, currencyCode: string): number | null {
  const digits = currencyDigits(currencyCode);
  const trimmed = text.trim().replace(",", ".");
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(trimmed)) return null;
  const [whole, fraction = ""] = trimmed.split(".");
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

export const formatPlain = (minorUnits: number, currencyCode: string) => {
  const digits = currencyDigits(currencyCode);
  return (minorUnits / 10 ** digits).toFixed(digits);
};
