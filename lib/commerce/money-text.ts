// Money in a sentence a shopper reads (refusal messages): "€60.00", "$75.00". Amounts are minor units.
export function moneyText(amount: number, currencyCode: string): string {
  const currency = currencyCode.toUpperCase();
  const digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat("en", { style: "currency", currency }).format(amount / 10 ** digits);
}

export function dateText(date: Date): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
