// Request shapes of the customer routes (accounts, address book, order history and claims),
// checked at the edge like lib/api/validation.ts. Objects are strict.
import { z } from "zod";
import { invalidData } from "../commerce/errors";
import { addressSchema, parsePage } from "./validation";

const email = z.string().trim().email("must be a valid email address").max(254);
const name = z.string().trim().min(1, "must not be empty").max(200);
/** A password to set: long enough to resist guessing, short enough to hash cheaply. */
const newPassword = z.string().min(8, "must be at least 8 characters").max(1024);
const id = z.string().min(1).max(100);

export const registerSchema = z.strictObject({
  email,
  password: newPassword,
  first_name: name,
  last_name: name,
  phone: z.string().trim().max(40).nullish(),
});

export const credentialsSchema = z.strictObject({ email, password: z.string().min(1, "is required").max(1024) });

export const updateCustomerSchema = z.strictObject({
  email: email.optional(),
  first_name: name.optional(),
  last_name: name.optional(),
  phone: z.string().trim().max(40).nullish(),
  password: newPassword.optional(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});

const required = (schema: z.ZodType<string | null | undefined>) => schema.refine((value) => Boolean(value && value.trim()), "is required");

/** A new address-book entry needs what a delivery needs. */
export const newAddressSchema = addressSchema.extend({
  first_name: required(addressSchema.shape.first_name),
  last_name: required(addressSchema.shape.last_name),
  address_1: required(addressSchema.shape.address_1),
  city: required(addressSchema.shape.city),
  postal_code: required(addressSchema.shape.postal_code),
  country_code: addressSchema.shape.country_code.refine((value) => Boolean(value), "is required"),
});

export const addAddressSchema = z.strictObject({ address: newAddressSchema });

export const updateAddressSchema = addressSchema;

export const passwordTokenSchema = z.strictObject({ email });

export const passwordResetSchema = z.strictObject({ email, token: z.string().min(1).max(200), password: newPassword });

export const claimRequestSchema = z.strictObject({ order_ids: z.array(id).min(1).max(100).optional() });

export const claimConfirmSchema = z.strictObject({ token: z.string().min(1).max(200) });

function wholeNumber(query: URLSearchParams, name: string): number | undefined {
  const raw = query.get(name);
  if (raw === null || raw === "") return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw invalidData(`${name} must be a positive whole number`);
  return value;
}

/** GET /store/customers/me/orders: Medusa's paging and filters (fields/expand are accepted and ignored). */
export function parseOrderHistoryQuery(query: URLSearchParams) {
  const text = (name: string) => query.get(name)?.trim() || undefined;
  return {
    ...parsePage(query, 10),
    id: text("id"),
    display_id: wholeNumber(query, "display_id"),
    status: text("status"),
    payment_status: text("payment_status"),
    fulfillment_status: text("fulfillment_status"),
  };
}

/** GET /store/orders?display_id=&email=[&shipping_address[postal_code]=] */
export function parseOrderLookupQuery(query: URLSearchParams) {
  const displayId = wholeNumber(query, "display_id");
  const parsedEmail = email.safeParse(query.get("email") ?? "");
  if (displayId === undefined || !parsedEmail.success) throw invalidData("display_id and a valid email are required to look an order up");
  const postalCode = query.get("shipping_address[postal_code]")?.trim();
  return { display_id: displayId, email: parsedEmail.data, postal_code: postalCode || undefined };
}
