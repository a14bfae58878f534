// The payment providers this store has installed: "manual" always, "stripe" when a secret key
// is configured. Regions list the providers the merchant enabled; only installed ones are offered.
import { manualPaymentProvider } from "./manual";
import type { PaymentProvider } from "./provider";
import { createStripeProvider, stripeConfigFromEnv } from "./stripe";

let installed: Map<string, PaymentProvider> | null = null;

function installedProviders(): Map<string, PaymentProvider> {
  if (!installed) {
    installed = new Map<string, PaymentProvider>([["manual", manualPaymentProvider]]);
    const stripeConfig = stripeConfigFromEnv();
    if (stripeConfig) installed.set("stripe", createStripeProvider(stripeConfig));
  }
  return installed;
}

export function isPaymentProviderInstalled(id: string): boolean {
  return installedProviders().has(id);
}

export function getPaymentProvider(id: string): PaymentProvider {
  const provider = installedProviders().get(id);
  if (!provider) throw new Error(`Payment provider ${id} is not installed`);
  return provider;
}

/** Every installed provider's id, `manual` first. */
export function installedPaymentProviderIds(): string[] {
  return [...installedProviders().keys()];
}

/** A provider that moves no money (`manual`): offered only where a region names it, and labelled as a test. */
export function isTestPaymentProvider(id: string): boolean {
  return id === "manual";
}
