// ISO 4217 currencies, as the JavaScript runtime knows them (Medusa keeps them in a table).
let known: Set<string> | null = null;

/** True for a lower-case ISO 4217 code in current use ("eur", "usd", "jpy"). */
export function knownCurrency(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf("currency").map((currency) => currency.toLowerCase()));
  return known.has(code.toLowerCase());
}
