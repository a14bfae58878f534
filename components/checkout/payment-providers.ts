// How each payment provider is presented to the shopper.
export const PAYMENT_PROVIDER_LABELS: Record<string, { title: string; hint: string }> = {
  manual: { title: "Test payment", hint: "Place a real order without paying. No money moves." },
  stripe: { title: "Credit or debit card", hint: "Visa, Mastercard, American Express. Secured by Stripe." },
};

export function providerTitle(providerId: string): string {
  return PAYMENT_PROVIDER_LABELS[providerId]?.title ?? providerId;
}
