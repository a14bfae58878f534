// The back office's client for its mailbox and event deliveries (routes of this store, not
// Medusa's). Same transport as lib/sdk/admin.ts: the session cookie travels with every call.
import type { AdminEventDelivery } from "../events/deliveries";
import type { MailboxEntry, MailboxMessageView } from "../email/mailbox";
import { createTransport, type Query } from "./transport";

export type { AdminEventDelivery, MailboxEntry, MailboxMessageView };
export type MailboxList = {
  transport: "smtp" | "mailbox";
  smtp_host: string | null;
  messages: MailboxEntry[];
  count: number;
  limit: number;
  offset: number;
};
export type DeliveryList = {
  deliveries: AdminEventDelivery[];
  count: number;
  limit: number;
  offset: number;
  counts: { pending: number; failing: number; dead: number };
};

const request = createTransport({ baseUrl: "/api", maxRetries: 1 });

export const adminMailClient = {
  mailbox: {
    list: (query: Query) => request<MailboxList>("GET", "/admin/mailbox", { query }),
    retrieve: (id: string) => request<{ message: MailboxMessageView }>("GET", `/admin/mailbox/${encodeURIComponent(id)}`).then((answer) => answer.message),
  },
  eventDeliveries: {
    list: (query: Query) => request<DeliveryList>("GET", "/admin/event-deliveries", { query }),
    retry: (id: string) => request<{ delivery: AdminEventDelivery }>("POST", `/admin/event-deliveries/${encodeURIComponent(id)}/retry`).then((answer) => answer.delivery),
  },
};
