// Query shapes of the back office's mailbox and event-delivery routes, checked at the edge.
import { invalidData } from "../commerce/errors";
import { DELIVERY_FILTERS, type DeliveryFilter } from "../events/deliveries";
import { parsePage } from "./validation";

export function parseDeliveryListQuery(query: URLSearchParams): { filter: DeliveryFilter; limit: number; offset: number } {
  const status = query.get("status") || "unfinished";
  if (!(DELIVERY_FILTERS as readonly string[]).includes(status)) throw invalidData(`status must be one of ${DELIVERY_FILTERS.join(", ")}`);
  return { filter: status as DeliveryFilter, ...parsePage(query, 50) };
}

export function parseMailboxQuery(query: URLSearchParams): { to?: string; limit: number; offset: number } {
  const to = query.get("to")?.trim().slice(0, 200) || undefined;
  return { to, ...parsePage(query, 50) };
}
