// Request shapes of the Admin API (Medusa v1's admin routes), checked at the edge.
import { z } from "zod";
import { invalidData } from "../commerce/errors";
import { REFUND_REASONS } from "../order-management/money";
import type { OrderListQuery } from "../order-management/admin-orders";
import { parsePage } from "./validation";

const id = z.string().min(1).max(100);
const amount = z.number().int("must be a whole number of minor units").positive("must be more than 0").max(99_999_999);

export const refundSchema = z.strictObject({
  amount,
  reason: z.enum(REFUND_REASONS, { message: `must be one of ${REFUND_REASONS.join(", ")}` }),
  note: z.string().trim().max(1000).nullish(),
  no_notification: z.boolean().optional(),
});

export const fulfillmentSchema = z.strictObject({
  items: z
    .array(z.strictObject({ item_id: id, quantity: z.number().int("must be a whole number").positive("must be at least 1").max(10_000) }))
    .min(1, "name at least one item to fulfill")
    .max(100),
  no_notification: z.boolean().optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

export const shipmentSchema = z.strictObject({
  fulfillment_id: id,
  tracking_numbers: z.array(z.string().trim().min(1, "must not be empty").max(100)).max(20).default([]),
  no_notification: z.boolean().optional(),
});

export const updateUserSchema = z.strictObject({
  first_name: z.string().trim().max(100).nullish(),
  last_name: z.string().trim().max(100).nullish(),
  api_token: z.string().max(512).nullish(),
  role: z.enum(["admin", "member", "developer"]).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
});

const ORDER_STATUSES = ["pending", "completed", "archived", "canceled", "requires_action"];
const PAYMENT_STATUSES = ["not_paid", "awaiting", "captured", "partially_refunded", "refunded", "canceled", "requires_action"];
const FULFILLMENT_STATUSES = ["not_fulfilled", "partially_fulfilled", "fulfilled", "partially_shipped", "shipped", "partially_returned", "returned", "canceled", "requires_action"];

/** Every value of `name`, however qs wrote the array: name=a, name[]=a, name[0]=a. */
export function listParam(query: URLSearchParams, name: string, allowed: string[]): string[] | undefined {
  const values: string[] = [];
  for (const [key, value] of query) {
    if (key === name || key === `${name}[]` || new RegExp(`^${name}\\[\\d+\\]$`).test(key)) values.push(...value.split(",").filter(Boolean));
  }
  const unknown = values.filter((value) => !allowed.includes(value));
  if (unknown.length) throw invalidData(`${name} must be among ${allowed.join(", ")}; "${unknown[0]}" is not`);
  return values.length ? values : undefined;
}

function dateRange(query: URLSearchParams, name: string): OrderListQuery["created_at"] {
  const range: NonNullable<OrderListQuery["created_at"]> = {};
  for (const operator of ["lt", "lte", "gt", "gte"] as const) {
    const raw = query.get(`${name}[${operator}]`);
    if (raw === null) continue;
    const date = /^\d+$/.test(raw) ? new Date(Number(raw)) : new Date(raw);
    if (Number.isNaN(date.getTime())) throw invalidData(`${name}[${operator}] must be a date`);
    range[operator] = date;
  }
  return Object.keys(range).length ? range : undefined;
}

export function parseOrderListQuery(query: URLSearchParams): OrderListQuery {
  const order = query.get("order") ?? undefined;
  if (order !== undefined && !/^-?(created_at|display_id|total|email)$/.test(order)) {
    throw invalidData("order must be created_at, display_id, total or email, with - for descending");
  }
  return {
    q: query.get("q")?.slice(0, 200) || undefined,
    status: listParam(query, "status", ORDER_STATUSES),
    payment_status: listParam(query, "payment_status", PAYMENT_STATUSES),
    fulfillment_status: listParam(query, "fulfillment_status", FULFILLMENT_STATUSES),
    created_at: dateRange(query, "created_at"),
    order,
    ...parsePage(query, 50),
  };
}
