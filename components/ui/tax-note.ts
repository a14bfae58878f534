// What a price means in a region: in Europe the VAT is inside it (EU price rules: the price shown
// is the final price), in the United States sales tax is added at checkout by state.
export function taxNote(region: { includes_tax: boolean }): string {
  return region.includes_tax ? "incl. VAT" : "+ tax";
}
