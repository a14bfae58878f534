// Types of the emulator's programmatic API, for the TypeScript test runner (scripts/test.ts).
export type StripeEmulator = {
  url: string;
  port: number;
  close(): Promise<void>;
  setWebhookUrl(url: string | null): void;
  deliveries: { eventId: string; type: string; status: number | string; attempts: number }[];
};

export function startStripeEmulator(options?: {
  port?: number;
  host?: string;
  webhookUrl?: string;
  webhookSecret?: string;
}): Promise<StripeEmulator>;
