// The merchant's catalogue (Medusa v1's admin products): list, read, create, update a product and
// its variants' prices and stock, delete. Every rule is checked before anything is written, and
// each change is one transaction, so a refused request changes nothing.
// Only published products are sold: the Store API hides the others, a cart cannot take their
// variants, and a cart already holding one cannot complete (lib/commerce/line-items.ts,
// complete-cart.ts). A product that was ever ordered is never deleted (its orders name its
// variants): deleting it unpublishes it instead, and the answer says so.
import { databaseTarget, db, isUniqueConstraintError, type DbTransaction, type Prisma } from "../db/client";
import { invalidData, notFound, StoreError } from "../commerce/errors";
import { looksLikeId, newId } from "../commerce/ids";
import { productInclude, type ProductRow } from "../commerce/queries";
import { serializeProduct } from "../commerce/serialize";
import type { CreateProductInput, CreateVariantInput, PriceInput, UpdateProductInput, UpdateVariantInput } from "../api/admin-catalogue-validation";
import { knownCurrency } from "./currencies";

export const PRODUCT_STATUSES = ["draft", "proposed", "published", "rejected"] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export type ProductListQuery = { q?: string; status?: string[]; handle?: string; order?: string; limit: number; offset: number };

export function serializeAdminProduct(product: ProductRow) {
  const store = serializeProduct(product, null);
  return {
    ...store,
    subtitle: null,
    status: product.status as ProductStatus,
    type: product.type ? { id: `ptyp_${product.type}`, value: product.type } : null,
    type_id: product.type ? `ptyp_${product.type}` : null,
    is_giftcard: false,
    discountable: true,
    updated_at: product.updatedAt.toISOString(),
    deleted_at: null,
    metadata: null,
  };
}

export type AdminProduct = ReturnType<typeof serializeAdminProduct>;

const duplicate = (message: string, code: string) => new StoreError("duplicate_error", message, code);

/** Case-insensitive "contains" on both dialects (SQLite's LIKE already ignores ASCII case). */
function containsText(q: string): Prisma.StringFilter {
  return (databaseTarget().dialect === "postgres" ? { contains: q, mode: "insensitive" } : { contains: q }) as Prisma.StringFilter;
}

const SORTABLE: Record<string, keyof Prisma.ProductOrderByWithRelationInput> = {
  created_at: "createdAt",
  updated_at: "updatedAt",
  title: "title",
  handle: "handle",
};

export async function listAdminProducts(query: ProductListQuery) {
  const where: Prisma.ProductWhereInput = {};
  if (query.q) {
    const q = containsText(query.q);
    where.OR = [{ title: q }, { handle: q }, { description: q }, { variants: { some: { OR: [{ title: q }, { sku: q }] } } }];
  }
  if (query.status?.length) where.status = { in: query.status };
  if (query.handle) where.handle = query.handle;
  const sort = query.order ?? "created_at";
  const field = SORTABLE[sort.replace(/^-/, "")] ?? "createdAt";
  const direction = sort.startsWith("-") ? "desc" : "asc";
  const [rows, count] = await Promise.all([
    db().product.findMany({ where, include: productInclude, orderBy: [{ [field]: direction }, { id: direction }], take: query.limit, skip: query.offset }),
    db().product.count({ where }),
  ]);
  return { products: rows.map(serializeAdminProduct), count, offset: query.offset, limit: query.limit };
}

async function loadProduct(productId: string, client: DbTransaction = db()): Promise<ProductRow> {
  if (!looksLikeId("product", productId)) throw notFound("Product", productId);
  const product = await client.product.findUnique({ where: { id: productId }, include: productInclude });
  if (!product) throw notFound("Product", productId);
  return product;
}

export async function retrieveAdminProduct(productId: string): Promise<AdminProduct> {
  return serializeAdminProduct(await loadProduct(productId));
}

const slugify = (title: string) =>
  title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/g, "");

/** Prices as rows: a region's price is in the region's currency; one price per currency. */
async function resolvePrices(client: DbTransaction, prices: PriceInput[], where: string): Promise<{ currencyCode: string; amount: number }[]> {
  const regionIds = [...new Set(prices.flatMap((price) => (price.region_id ? [price.region_id] : [])))];
  const regions = regionIds.length ? await client.region.findMany({ where: { id: { in: regionIds } }, select: { id: true, currencyCode: true } }) : [];
  const resolved = prices.map((price) => {
    if (price.region_id) {
      const region = regions.find((candidate) => candidate.id === price.region_id);
      if (!region) throw invalidData(`${where}: region ${price.region_id} does not exist`, "unknown_region");
      return { currencyCode: region.currencyCode, amount: price.amount };
    }
    const currencyCode = price.currency_code!;
    if (!knownCurrency(currencyCode)) throw invalidData(`${where}: ${currencyCode.toUpperCase()} is not a known currency`, "unknown_currency");
    return { currencyCode, amount: price.amount };
  });
  const seen = new Set<string>();
  for (const price of resolved) {
    if (seen.has(price.currencyCode)) throw invalidData(`${where}: more than one price in ${price.currencyCode.toUpperCase()}`, "duplicate_price");
    seen.add(price.currencyCode);
  }
  return resolved;
}

async function assertHandleFree(client: DbTransaction, handle: string, productId?: string) {
  const taken = await client.product.findUnique({ where: { handle }, select: { id: true } });
  if (taken && taken.id !== productId) throw duplicate(`A product with the handle "${handle}" already exists`, "duplicate_handle");
}

async function assertSkusFree(client: DbTransaction, skus: (string | null | undefined)[], ownVariantIds: string[] = []) {
  const named = skus.filter((sku): sku is string => Boolean(sku));
  const repeated = named.find((sku, index) => named.indexOf(sku) !== index);
  if (repeated) throw duplicate(`The SKU "${repeated}" is given to more than one variant`, "duplicate_sku");
  if (named.length === 0) return;
  const taken = await client.productVariant.findFirst({ where: { sku: { in: named }, id: { notIn: ownVariantIds } }, select: { sku: true } });
  if (taken) throw duplicate(`A variant with the SKU "${taken.sku}" already exists`, "duplicate_sku");
}

/** Two variants of one product may not have the same option values: the shopper could not pick one. */
function assertDistinctCombinations(combinations: { title: string; values: string[] }[]) {
  const seen = new Map<string, string>();
  for (const combination of combinations) {
    const key = JSON.stringify(combination.values.map((value) => value.toLowerCase()));
    if (seen.has(key)) {
      throw invalidData(`Variants "${seen.get(key)}" and "${combination.title}" have the same option values (${combination.values.join(" / ")})`, "duplicate_variant_options");
    }
    seen.set(key, combination.title);
  }
}

export async function createAdminProduct(input: CreateProductInput): Promise<AdminProduct> {
  const handle = input.handle ?? slugify(input.title);
  if (!handle) throw invalidData("handle: the title has no letters or digits to make a handle from; give a handle", "invalid_handle");
  const optionTitles = input.options.map((option) => option.title);
  const repeatedOption = optionTitles.find((title, index) => optionTitles.findIndex((other) => other.toLowerCase() === title.toLowerCase()) !== index);
  if (repeatedOption) throw invalidData(`options: "${repeatedOption}" is given twice`, "duplicate_option");
  const variants = input.variants.map((variant, index) => {
    if (variant.options.length !== input.options.length) {
      throw invalidData(
        `variants.${index}.options: the product has ${input.options.length} option${input.options.length === 1 ? "" : "s"}` +
          `${input.options.length ? ` (${optionTitles.join(", ")})` : ""}, so each variant needs ${input.options.length} value${input.options.length === 1 ? "" : "s"}, in that order`,
        "variant_options_mismatch",
      );
    }
    const values = variant.options.map((option) => option.value);
    return { ...variant, values, title: variant.title ?? (values.join(" / ") || input.title) };
  });
  assertDistinctCombinations(variants);

  const productId = newId("product");
  const images = input.images.map((url, rank) => ({ id: newId("image"), url, rank }));
  try {
    await db().$transaction(async (tx) => {
      await assertHandleFree(tx, handle);
      await assertSkusFree(tx, variants.map((variant) => variant.sku));
      const prices = await Promise.all(variants.map((variant, index) => resolvePrices(tx, variant.prices ?? [], `variants.${index}.prices`)));
      const options = input.options.map((option, rank) => ({ id: newId("option"), title: option.title, rank }));
      await tx.product.create({
        data: {
          id: productId,
          handle,
          title: input.title,
          description: input.description ?? "",
          type: input.type?.value ?? null,
          status: input.status,
          thumbnail: input.thumbnail ?? images[0]?.url ?? null,
          images: { create: images },
          options: { create: options },
        },
      });
      for (const [rank, variant] of variants.entries()) {
        await createVariant(tx, productId, rank, variant, prices[rank], options.map((option, index) => ({ optionId: option.id, value: variant.values[index] })));
      }
    });
  } catch (error) {
    throw translateUniqueViolation(error);
  }
  return retrieveAdminProduct(productId);
}

type VariantFields = Pick<CreateVariantInput, "sku" | "inventory_quantity" | "manage_inventory" | "allow_backorder"> & { title: string };

async function createVariant(
  tx: DbTransaction,
  productId: string,
  rank: number,
  variant: VariantFields,
  prices: { currencyCode: string; amount: number }[],
  values: { optionId: string; value: string }[],
) {
  await tx.productVariant.create({
    data: {
      id: newId("variant"),
      productId,
      title: variant.title,
      sku: variant.sku ?? null,
      rank,
      inventoryQuantity: variant.inventory_quantity ?? 0,
      manageInventory: variant.manage_inventory ?? true,
      allowBackorder: variant.allow_backorder ?? false,
      prices: { create: prices.map((price) => ({ id: newId("price"), currencyCode: price.currencyCode, amount: price.amount })) },
      optionValues: { create: values.map((value) => ({ id: newId("optionValue"), optionId: value.optionId, value: value.value })) },
    },
  });
}

/** Two requests claimed the same handle or SKU at once: the loser is told, as if it came second. */
function translateUniqueViolation(error: unknown): unknown {
  if (!isUniqueConstraintError(error)) return error;
  const text = String((error as Error).message ?? "");
  if (/sku/i.test(text)) return duplicate("A variant with that SKU already exists", "duplicate_sku");
  if (/handle/i.test(text)) return duplicate("A product with that handle already exists", "duplicate_handle");
  return new StoreError("conflict", "The product was changed by another request at the same time; try again", "invalid_state_error");
}

/** The values of a variant after applying `changes` ({option_id, value}), checked against the product's options. */
function variantValuesAfter(product: ProductRow, variantId: string | null, changes: { option_id: string; value: string }[] | undefined, where: string) {
  const current = variantId ? product.variants.find((variant) => variant.id === variantId)!.optionValues : [];
  for (const change of changes ?? []) {
    if (!product.options.some((option) => option.id === change.option_id)) {
      throw invalidData(`${where}: option ${change.option_id} is not an option of this product`, "unknown_option");
    }
  }
  return product.options.map((option) => {
    const value = changes?.find((change) => change.option_id === option.id)?.value ?? current.find((row) => row.optionId === option.id)?.value;
    if (value === undefined) throw invalidData(`${where}: give a value for the option "${option.title}" (option_id ${option.id})`, "variant_options_mismatch");
    return { optionId: option.id, value };
  });
}

async function writeVariantChanges(
  tx: DbTransaction,
  variantId: string,
  input: UpdateVariantInput,
  values: { optionId: string; value: string }[] | null,
  where: string,
) {
  const data: Prisma.ProductVariantUpdateInput = {};
  if (input.title !== undefined) data.title = input.title;
  if (input.sku !== undefined) data.sku = input.sku;
  if (input.inventory_quantity !== undefined) data.inventoryQuantity = input.inventory_quantity;
  if (input.manage_inventory !== undefined) data.manageInventory = input.manage_inventory;
  if (input.allow_backorder !== undefined) data.allowBackorder = input.allow_backorder;
  await tx.productVariant.update({ where: { id: variantId }, data });
  if (input.prices) {
    // As in Medusa: the prices given are the variant's prices; a currency left out loses its price.
    const prices = await resolvePrices(tx, input.prices, `${where}prices`);
    await tx.variantPrice.deleteMany({ where: { variantId, currencyCode: { notIn: prices.map((price) => price.currencyCode) } } });
    for (const price of prices) {
      await tx.variantPrice.upsert({
        where: { variantId_currencyCode: { variantId, currencyCode: price.currencyCode } },
        create: { id: newId("price"), variantId, currencyCode: price.currencyCode, amount: price.amount },
        update: { amount: price.amount },
      });
    }
  }
  if (values) {
    for (const value of values) {
      await tx.variantOptionValue.upsert({
        where: { variantId_optionId: { variantId, optionId: value.optionId } },
        create: { id: newId("optionValue"), variantId, optionId: value.optionId, value: value.value },
        update: { value: value.value },
      });
    }
  }
}

export async function updateAdminProductVariant(productId: string, variantId: string, input: UpdateVariantInput): Promise<AdminProduct> {
  try {
    await db().$transaction(async (tx) => {
      const product = await loadProduct(productId, tx);
      const variant = product.variants.find((candidate) => candidate.id === variantId);
      if (!variant) throw notFound("Variant", variantId);
      if (input.sku) await assertSkusFree(tx, [input.sku], [variantId]);
      const values = input.options ? variantValuesAfter(product, variantId, input.options, "options") : null;
      if (values) {
        assertDistinctCombinations(
          product.variants.map((candidate) =>
            candidate.id === variantId
              ? { title: input.title ?? candidate.title, values: values.map((value) => value.value) }
              : { title: candidate.title, values: product.options.map((option) => candidate.optionValues.find((row) => row.optionId === option.id)?.value ?? "") },
          ),
        );
      }
      await writeVariantChanges(tx, variantId, input, values, "");
      await tx.product.update({ where: { id: productId }, data: { updatedAt: new Date() } });
    });
  } catch (error) {
    throw translateUniqueViolation(error);
  }
  return retrieveAdminProduct(productId);
}

/** Lines of orders (or of carts being completed into one) that name a variant of the product. */
async function productWasOrdered(tx: DbTransaction, variantIds: string[]): Promise<boolean> {
  if (variantIds.length === 0) return false;
  const line = await tx.lineItem.findFirst({
    where: { variantId: { in: variantIds }, OR: [{ orderId: { not: null } }, { cart: { completedAt: { not: null } } }] },
    select: { id: true },
  });
  return line !== null;
}

/**
 * Takes variants out of open carts before they are deleted: the carts' versions are bumped first
 * (which also locks them against a completion in progress, whose claim then fails), their
 * shipping methods dropped as after any line change; the carts' payment sessions follow the new
 * totals when the shopper next touches the cart (completion refuses a session whose amount no
 * longer matches).
 */
async function removeVariantsFromOpenCarts(tx: DbTransaction, variantIds: string[]) {
  const lines = await tx.lineItem.findMany({ where: { variantId: { in: variantIds }, orderId: null }, select: { cartId: true } });
  const cartIds = [...new Set(lines.map((line) => line.cartId))];
  if (cartIds.length === 0) return;
  await tx.cart.updateMany({ where: { id: { in: cartIds }, completedAt: null }, data: { version: { increment: 1 } } });
  await tx.lineItem.deleteMany({ where: { variantId: { in: variantIds }, orderId: null, cart: { completedAt: null } } });
  await tx.shippingMethod.deleteMany({ where: { cartId: { in: cartIds }, orderId: null } });
}

export async function updateAdminProduct(productId: string, input: UpdateProductInput): Promise<AdminProduct> {
  try {
    await db().$transaction(async (tx) => {
      const product = await loadProduct(productId, tx);
      if (input.handle !== undefined && input.handle !== product.handle) await assertHandleFree(tx, input.handle, productId);
      const data: Prisma.ProductUpdateInput = { updatedAt: new Date() };
      if (input.title !== undefined) data.title = input.title;
      if (input.handle !== undefined) data.handle = input.handle;
      if (input.description !== undefined) data.description = input.description ?? "";
      if (input.status !== undefined) data.status = input.status;
      if (input.type !== undefined) data.type = input.type?.value ?? null;
      if (input.thumbnail !== undefined) data.thumbnail = input.thumbnail;
      if (input.images !== undefined) {
        await tx.productImage.deleteMany({ where: { productId } });
        await tx.productImage.createMany({ data: input.images.map((url, rank) => ({ id: newId("image"), productId, url, rank })) });
        if (input.thumbnail === undefined && (!product.thumbnail || product.images.some((image) => image.url === product.thumbnail))) {
          data.thumbnail = input.images[0] ?? null;
        }
      }
      if (input.variants) await replaceVariants(tx, product, input.variants);
      await tx.product.update({ where: { id: productId }, data });
    });
  } catch (error) {
    throw translateUniqueViolation(error);
  }
  return retrieveAdminProduct(productId);
}

/** Medusa's variants list on a product update: listed with an id → updated, without → created, left out → deleted. */
async function replaceVariants(tx: DbTransaction, product: ProductRow, variants: NonNullable<UpdateProductInput["variants"]>) {
  for (const [index, variant] of variants.entries()) {
    if (variant.id && !product.variants.some((candidate) => candidate.id === variant.id)) {
      throw invalidData(`variants.${index}: variant ${variant.id} is not a variant of this product`, "unknown_variant");
    }
  }
  const keptIds = variants.flatMap((variant) => (variant.id ? [variant.id] : []));
  const removed = product.variants.filter((variant) => !keptIds.includes(variant.id)).map((variant) => variant.id);
  if (removed.length && (await productWasOrdered(tx, removed))) {
    throw invalidData(
      "A variant left out of the list has been ordered and cannot be deleted; keep it in the list (set its stock to 0 to stop selling it)",
      "variant_has_orders",
    );
  }
  const planned = variants.map((variant, index) => ({
    variant,
    index,
    values: variantValuesAfter(product, variant.id ?? null, variant.options, `variants.${index}.options`),
  }));
  assertDistinctCombinations(planned.map((plan) => ({ title: plan.variant.title ?? `variant ${plan.index + 1}`, values: plan.values.map((value) => value.value) })));
  await assertSkusFree(tx, variants.map((variant) => variant.sku), keptIds);
  if (removed.length) {
    await removeVariantsFromOpenCarts(tx, removed);
    await tx.productVariant.deleteMany({ where: { id: { in: removed } } });
  }
  for (const plan of planned) {
    if (plan.variant.id) {
      await writeVariantChanges(tx, plan.variant.id, plan.variant, plan.values, `variants.${plan.index}.`);
      await tx.productVariant.update({ where: { id: plan.variant.id }, data: { rank: plan.index } });
    } else {
      const prices = await resolvePrices(tx, plan.variant.prices ?? [], `variants.${plan.index}.prices`);
      const title = plan.variant.title ?? (plan.values.map((value) => value.value).join(" / ") || product.title);
      await createVariant(tx, product.id, plan.index, { ...plan.variant, title }, prices, plan.values);
    }
  }
}

export type ProductDeletion =
  | { id: string; object: "product"; deleted: true }
  | { id: string; object: "product"; deleted: false; unpublished: true; message: string; product: AdminProduct };

/**
 * Deletes a product nobody ordered (its variants leave open carts). A product with orders is
 * kept, for its orders' sake, and unpublished instead: status draft, gone from the Store API.
 */
export async function deleteAdminProduct(productId: string): Promise<ProductDeletion> {
  const outcome = await db().$transaction(async (tx) => {
    const product = await loadProduct(productId, tx);
    const variantIds = product.variants.map((variant) => variant.id);
    // Carts holding the product are claimed first, so no completion can slip in between the
    // check for orders and the delete.
    const openLines = await tx.lineItem.findMany({ where: { variantId: { in: variantIds }, orderId: null, cart: { completedAt: null } }, select: { cartId: true } });
    const cartIds = [...new Set(openLines.map((line) => line.cartId))];
    if (cartIds.length) await tx.cart.updateMany({ where: { id: { in: cartIds }, completedAt: null }, data: { version: { increment: 1 } } });
    if (await productWasOrdered(tx, variantIds)) {
      await tx.product.update({ where: { id: productId }, data: { status: "draft", updatedAt: new Date() } });
      return "unpublished" as const;
    }
    await removeVariantsFromOpenCarts(tx, variantIds);
    await tx.product.delete({ where: { id: productId } });
    return "deleted" as const;
  });
  if (outcome === "deleted") return { id: productId, object: "product", deleted: true };
  const product = await retrieveAdminProduct(productId);
  return {
    id: productId,
    object: "product",
    deleted: false,
    unpublished: true,
    message: `"${product.title}" has orders, so it was not deleted: it is unpublished instead (status draft) and no longer sold in the store`,
    product,
  };
}
