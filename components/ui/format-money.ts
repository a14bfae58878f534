// Money arrives in minor units with a currency code (2500 + "eur"); shoppers read "€25.00".
// The number of minor digits comes from the currency itself (JPY has none, EUR two).

const LOCALE = "en-US";
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(currencyCode: string): Intl.NumberFormat {
  const currency = currencyCode.toUpperCase();
  let formatter = formatters.get(currency);
  if (!formatter) {
    formatter = new Intl.NumberFormat(LOCALE, { style: "currency", currency });
    formatters.set(currency, formatter);
  }
  return formatter;
}

export function formatMoney(amountInMinorUnits: number, currencyCode: string): string {
  const formatter = formatterFor(currencyCode);
  const digits = formatter.resolvedOptions().maximumFractionDigits ?? 2;
  return formatter.format(amountInMinorUnits / 10 ** digits);
}
