// Integrations: with EVENTS_WEBHOOK_URL set, every event is POSTed there as JSON. The receiver
// deduplicates by the Store-Event-Id header (delivery is at least once); with
// EVENTS_WEBHOOK_SECRET the body is signed (Store-Signature: sha256=<hex HMAC of the body>).
import crypto from "node:crypto";
import type { Subscriber } from "./subscriber";

const TIMEOUT_MS = 10_000;

export function webhookSubscriber(url: string, secret: string | undefined): Subscriber {
  return {
    name: "webhook",
    handles: () => true,
    async deliver(event) {
      const body = JSON.stringify({
        id: event.id,
        name: event.name,
        resource_id: event.resourceId,
        data: event.data,
        created_at: event.createdAt.toISOString(),
      });
      const headers: Record<string, string> = { "content-type": "application/json", "store-event-id": event.id, "store-event": event.name };
      if (secret) headers["store-signature"] = `sha256=${crypto.createHmac("sha256", secret).update(body).digest("hex")}`;
      const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!response.ok) throw new Error(`webhook answered ${response.status} ${response.statusText}`.trim());
    },
  };
}
