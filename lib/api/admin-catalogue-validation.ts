// Request shapes of the Admin API's products and regions (Medusa v1's AdminPostProductsReq,
// AdminPostProductsProductReq, AdminPostProductsProductVariantsVariantReq, AdminPostRegionsReq,
// AdminPostRegionsRegionReq), checked at the edge. Objects are strict: a Medusa field this store
// does not keep (collections, tags, sales channels, dimensions) is refused, never silently dropped.
import { z } from "zod";
import { invalidData } from "../commerce/errors";
import { PRODUCT_STATUSES, type ProductListQuery } from "../catalogue/admin-products";
import { listParam } from "./admin-validation";
import { parsePage } from "./validation";

const id = z.string().min(1).max(100);
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const nonEmpty = (max: number) => text(max).min(1, "must not be empty");

/** Minor units; a price of 0 (a free item) is allowed, a negative or fractional one is not. */
const amount = z.number().int("must be a whole number of minor units").min(0, "must not be negative").max(99_999_999, "is too large");
const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 currency code")
  .transform((value) => value.toLowerCase());
const stock = z.number().int("must be a whole number").min(0, "must not be negative").max(10_000_000, "is too large");

/** An image the store links to: an https or http URL, or a path on the store itself. */
const imageUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => /^(https?:\/\/[^\s]+|\/[^\s/][^\s]*)$/.test(value), "must be an http(s) URL or a path starting with /");

export const HANDLE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const handle = z
  .string()
  .trim()
  .max(100, "must be at most 100 characters")
  .regex(HANDLE_PATTERN, "must be lower-case letters, digits and single dashes (e.g. linen-shirt)");

const status = z.enum(PRODUCT_STATUSES, { message: `must be one of ${PRODUCT_STATUSES.join(", ")}` });
const productType = z.strictObject({ id: id.optional(), value: nonEmpty(100) });

const priceInput = z
  .strictObject({
    id: id.optional(),
    region_id: id.optional(),
    currency_code: currencyCode.optional(),
    amount,
    min_quantity: z.null().optional(),
    max_quantity: z.null().optional(),
  })
  .refine((price) => (price.currency_code === undefined) !== (price.region_id === undefined), "name either currency_code or region_id");

const variantFields = {
  title: nonEmpty(200).optional(),
  sku: nonEmpty(100).nullish(),
  inventory_quantity: stock.optional(),
  manage_inventory: z.boolean().optional(),
  allow_backorder: z.boolean().optional(),
  prices: z.array(priceInput).max(50).optional(),
};

export const createVariantSchema = z.strictObject({
  ...variantFields,
  /** One value per product option, in the order of the product's options (as Medusa takes them). */
  options: z.array(z.strictObject({ value: nonEmpty(100) })).max(10).default([]),
});

const variantOptionByIdSchema = z.array(z.strictObject({ option_id: id, value: nonEmpty(100) })).max(10);

export const updateVariantSchema = z.strictObject({ ...variantFields, options: variantOptionByIdSchema.optional() });

export const createProductSchema = z.strictObject({
  title: nonEmpty(200),
  handle: handle.optional(),
  description: text(5000).nullish(),
  status: status.default("draft"),
  type: productType.nullish(),
  thumbnail: imageUrl.nullish(),
  images: z.array(imageUrl).max(20).default([]),
  is_giftcard: z.literal(false, "gift card products are not supported").optional(),
  discountable: z.literal(true, "every product is discountable here").optional(),
  options: z.array(z.strictObject({ title: nonEmpty(100) })).max(10).default([]),
  variants: z.array(createVariantSchema).min(1, "a product needs at least one variant").max(100),
});

export const updateProductSchema = z.strictObject({
  title: nonEmpty(200).optional(),
  handle: handle.optional(),
  description: text(5000).nullish(),
  status: status.optional(),
  type: productType.nullish(),
  thumbnail: imageUrl.nullish(),
  images: z.array(imageUrl).max(20).optional(),
  discountable: z.literal(true, "every product is discountable here").optional(),
  /** Variants with an id are updated, without one created; a variant left out is deleted. */
  variants: z
    .array(z.strictObject({ id: id.optional(), ...variantFields, options: variantOptionByIdSchema.optional() }))
    .min(1, "a product needs at least one variant")
    .max(100)
    .optional(),
});

export type CreateProductInput = z.output<typeof createProductSchema>;
export type UpdateProductInput = z.output<typeof updateProductSchema>;
export type CreateVariantInput = z.output<typeof createVariantSchema>;
export type UpdateVariantInput = z.output<typeof updateVariantSchema>;
export type PriceInput = z.output<typeof priceInput>;

export function parseProductListQuery(query: URLSearchParams): ProductListQuery {
  const order = query.get("order") ?? undefined;
  if (order !== undefined && !/^-?(created_at|updated_at|title|handle)$/.test(order)) {
    throw invalidData("order must be created_at, updated_at, title or handle, with - for descending");
  }
  return {
    q: query.get("q")?.trim().slice(0, 200) || undefined,
    status: listParam(query, "status", [...PRODUCT_STATUSES]),
    handle: query.get("handle") || undefined,
    order,
    ...parsePage(query, 50),
  };
}

const taxRate = z.number().min(0, "must be between 0 and 100").max(100, "must be between 0 and 100");
const countries = z
  .array(z.string().regex(/^[a-zA-Z]{2}$/, "must be two-letter ISO country codes").transform((value) => value.toLowerCase()))
  .max(250);
const providerIds = z.array(nonEmpty(50)).max(10);

export const createRegionSchema = z.strictObject({
  name: nonEmpty(100),
  currency_code: currencyCode,
  tax_rate: taxRate,
  tax_code: text(50).nullish(),
  includes_tax: z.boolean().optional(),
  countries,
  /** Left out: the real providers installed (never the test provider `manual`). */
  payment_providers: providerIds.optional(),
  fulfillment_providers: providerIds.optional(),
});

export const updateRegionSchema = z.strictObject({
  name: nonEmpty(100).optional(),
  currency_code: currencyCode.optional(),
  tax_rate: taxRate.optional(),
  tax_code: text(50).nullish(),
  includes_tax: z.boolean().optional(),
  automatic_taxes: z.literal(true, "taxes are always calculated automatically here").optional(),
  gift_cards_taxable: z.literal(false, "gift cards are never taxed here").optional(),
  tax_provider_id: z.null().optional(),
  countries: countries.optional(),
  payment_providers: providerIds.optional(),
  fulfillment_providers: providerIds.optional(),
});

export type CreateRegionInput = z.output<typeof createRegionSchema>;
export type UpdateRegionInput = z.output<typeof updateRegionSchema>;

// Shipping options (Medusa v1's AdminPostShippingOptionsReq and AdminPostShippingOptionsOptionReq).
// The only fulfillment provider is `manual`, which takes no data, and prices are flat rates.
const requirement = z.strictObject({
  id: id.optional(),
  type: z.enum(["min_subtotal", "max_subtotal"], { message: "must be min_subtotal or max_subtotal" }),
  amount,
});
const requirements = z
  .array(requirement)
  .max(2)
  .superRefine((list, context) => {
    const types = list.map((entry) => entry.type);
    if (new Set(types).size !== types.length) context.addIssue({ code: "custom", message: "at most one min_subtotal and one max_subtotal" });
    const min = list.find((entry) => entry.type === "min_subtotal")?.amount;
    const max = list.find((entry) => entry.type === "max_subtotal")?.amount;
    if (min !== undefined && max !== undefined && min >= max) {
      context.addIssue({ code: "custom", message: "min_subtotal must be below max_subtotal, or no cart could ever use the option" });
    }
  });
const flatRate = z.literal("flat_rate", "only flat_rate prices are supported (the manual provider calculates nothing)");
const noProviderData = z.strictObject({}, "the manual fulfillment provider takes no data").optional();

export const createShippingOptionSchema = z.strictObject({
  name: nonEmpty(100),
  region_id: id,
  provider_id: nonEmpty(50),
  price_type: flatRate,
  amount,
  requirements: requirements.default([]),
  data: noProviderData,
  is_return: z.boolean().default(false),
  admin_only: z.boolean().default(false),
  includes_tax: z.boolean().optional(),
});

export const updateShippingOptionSchema = z.strictObject({
  name: nonEmpty(100).optional(),
  price_type: flatRate.optional(),
  amount: amount.optional(),
  /** The option's requirements after the change: one left out is removed (as in Medusa). */
  requirements: requirements.optional(),
  admin_only: z.boolean().optional(),
  includes_tax: z.boolean().optional(),
});

export type CreateShippingOptionInput = z.output<typeof createShippingOptionSchema>;
export type UpdateShippingOptionInput = z.output<typeof updateShippingOptionSchema>;
export type ShippingRequirementInput = z.output<typeof requirement>;

function booleanParam(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === "") return undefined;
  if (value !== "true" && value !== "false") throw invalidData(`${name} must be true or false`);
  return value === "true";
}

export function parseShippingOptionListQuery(query: URLSearchParams) {
  const regionId = query.get("region_id") || undefined;
  if (regionId !== undefined && regionId.length > 100) throw invalidData("region_id is too long");
  return { regionId, isReturn: booleanParam(query, "is_return"), adminOnly: booleanParam(query, "admin_only") };
}
