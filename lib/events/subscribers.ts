// The subscribers of this store. Every instance must run the same list (same settings), since
// the fan-out decides from it which deliveries an event gets.
import { emailSubscriber } from "../email/email-subscriber";
import type { Subscriber } from "./subscriber";
import { webhookSubscriber } from "./webhook-subscriber";

export function storeSubscribers(env: NodeJS.ProcessEnv = process.env): Subscriber[] {
  return [emailSubscriber, ...(env.EVENTS_WEBHOOK_URL ? [webhookSubscriber(env.EVENTS_WEBHOOK_URL, env.EVENTS_WEBHOOK_SECRET)] : [])];
}
