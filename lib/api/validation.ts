// Request shapes of the Store API, checked at the edge so the domain only sees valid input.
// Objects are strict: a field the API does not know is an error, not silently dropped.
import { z } from "zod";
import { invalidData } from "../commerce/errors";
import { nestsDeeperThan } from "./request-body";

const id = z.string().min(1).max(100);
const countryCode = z
  .string()
  .regex(/^[a-zA-Z]{2}$/, "must be a two-letter ISO country code")
  .transform((value) => value.toLowerCase());
const text = (max = 200) => z.string().trim().max(max);
/**
 * Free-form JSON a client may attach (metadata, provider data): an object, at most
 * MAX_FREE_JSON_BYTES as UTF-8 JSON and MAX_FREE_JSON_DEPTH levels deep, so it cannot bloat rows
 * or make serializing it throw. (The edge has already refused control characters in it.)
 */
export const MAX_FREE_JSON_BYTES = 16 * 1024;
export const MAX_FREE_JSON_DEPTH = 8;

export const freeJson = z.record(z.string(), z.unknown()).superRefine((value, context) => {
  if (nestsDeeperThan(value, MAX_FREE_JSON_DEPTH)) {
    context.addIssue({ code: "custom", message: `must nest at most ${MAX_FREE_JSON_DEPTH} levels deep` });
  } else if (Buffer.byteLength(JSON.stringify(value)) > MAX_FREE_JSON_BYTES) {
    context.addIssue({ code: "custom", message: `must be at most ${MAX_FREE_JSON_BYTES} bytes as JSON` });
  }
});

const quantity = z.number().int("must be a whole number").positive("must be at least 1").max(10_000);

export const addressSchema = z.strictObject({
  first_name: text().nullish(),
  last_name: text().nullish(),
  company: text().nullish(),
  phone: text(40).nullish(),
  address_1: text().nullish(),
  address_2: text().nullish(),
  city: text().nullish(),
  country_code: countryCode.nullish(),
  province: text().nullish(),
  postal_code: text(20).nullish(),
  metadata: freeJson.nullish(),
});

export const createCartSchema = z.strictObject({
  region_id: id.optional(),
  country_code: countryCode.optional(),
  items: z.array(z.strictObject({ variant_id: id, quantity })).max(100).optional(),
  sales_channel_id: id.optional(),
});

export const updateCartSchema = z.strictObject({
  region_id: id.optional(),
  country_code: countryCode.optional(),
  email: z.string().trim().email("must be a valid email address").max(254).optional(),
  shipping_address: addressSchema.optional(),
  billing_address: addressSchema.optional(),
  discounts: z.array(z.strictObject({ code: z.string().trim().min(1).max(50) })).optional(),
  gift_cards: z.array(z.strictObject({ code: z.string().trim().min(1).max(50) })).max(10, "at most 10 gift cards per cart").optional(),
  customer_id: id.optional(),
});

export const addLineItemSchema = z.strictObject({ variant_id: id, quantity });

export const updateLineItemSchema = z.strictObject({
  quantity: z.number().int("must be a whole number").min(0, "must not be negative").max(10_000),
});

export const selectPaymentSessionSchema = z.strictObject({ provider_id: id });

export const updatePaymentSessionSchema = z.strictObject({ data: freeJson });

export const addShippingMethodSchema = z.strictObject({ option_id: id, data: freeJson.optional() });

/** A discount or gift card code in a path. */
export const codeParamSchema = z.string().trim().min(1, "the code is missing").max(50, "the code is too long");

export const emptySchema = z.strictObject({});

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.join(".") : "body";
  if (issue.code === "unrecognized_keys") {
    const keys = (issue as { keys: string[] }).keys;
    const prefix = issue.path.length ? `${where}: ` : "";
    return `${prefix}unknown field${keys.length > 1 ? "s" : ""} ${keys.map((key) => `"${key}"`).join(", ")}`;
  }
  return `${where}: ${issue.message}`;
}

export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidData(result.error.issues.slice(0, 3).map(describe).join("; "));
  return result.data;
}

/** limit and offset query parameters, as Medusa takes them. */
export function parsePage(query: URLSearchParams, defaultLimit = 100): { limit: number; offset: number } {
  const number = (name: string, fallback: number, max: number) => {
    const raw = query.get(name);
    if (raw === null || raw === "") return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0 || value > max) throw invalidData(`${name} must be a whole number between 0 and ${max}`);
    return value;
  };
  return { limit: number("limit", defaultLimit, 100), offset: number("offset", 0, 1_000_000) };
}
