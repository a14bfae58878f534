// Which payment providers this store has installed. "manual" always; "stripe" when a secret key
// is configured (lib/payments/stripe.ts, added by its own module through registerPaymentProvider).
import { manualPaymentProvider } from "./manual";
import type { PaymentProvider } from "./provider";

type ProviderFactory = () => PaymentProvider | null;

const factories = new Map<string, ProviderFactory>([["manual", () => manualPaymentProvider]]);
let installed: Map<string, PaymentProvider> | null = null;

/** Adds a provider; its factory returns null when the provider is not configured. */
export function registerPaymentProvider(id: string, factory: ProviderFactory): void {
  factories.set(id, factory);
  installed = null;
}

function installedProviders(): Map<string, PaymentProvider> {
  if (!installed) {
    installed = new Map();
    for (const [id, factory] of factories) {
      const provider = factory();
      if (provider) installed.set(id, provider);
    }
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

/** Resets the cache after configuration changes (tests). */
export function resetPaymentProviders(): void {
  installed = null;
}
