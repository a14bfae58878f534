// The merchant's shipping options (Medusa v1's admin shipping options): which options a region
// offers, at what flat price, under which subtotal requirements.
//
// Switching off: Medusa's admin_only. An admin_only option stays in the back office but the Store
// API neither lists it nor lets a cart choose it, and a cart that chose it before cannot complete
// with it (lib/commerce/shipping-options.ts, complete-cart.ts).
//
// Deleting: an option no order used is deleted; open carts that chose it lose the method (the
// shopper chooses again). An option an order used is kept for that order's sake and switched off
// instead, and the answer says so (deleted: false, as DELETE /admin/products does for a product
// with orders). Price and name changes apply to carts choosing from then on; a cart keeps the
// price its method was chosen at, as in Medusa.
import { db, type DbTransaction } from "../db/client";
import { invalidData, notFound } from "../commerce/errors";
import { looksLikeId, newId } from "../commerce/ids";
import { serializeShippingOption } from "../commerce/serialize";
import type { CreateShippingOptionInput, ShippingRequirementInput, UpdateShippingOptionInput } from "../api/admin-catalogue-validation";

const withRegion = { region: { select: { id: true, name: true, currencyCode: true, includesTax: true, fulfillmentProviderIds: true } } } as const;

type OptionRow = NonNullable<Awaited<ReturnType<typeof loadOption>>>;

export function serializeAdminShippingOption(option: OptionRow) {
  return {
    ...serializeShippingOption(option),
    /** null in the row means "as the region says"; answered resolved. */
    includes_tax: option.includesTax ?? option.region.includesTax,
    region: { id: option.region.id, name: option.region.name, currency_code: option.region.currencyCode, includes_tax: option.region.includesTax },
    metadata: null,
    deleted_at: null,
  };
}

export type AdminShippingOption = ReturnType<typeof serializeAdminShippingOption>;

async function loadOption(optionId: string, client: DbTransaction = db()) {
  if (!looksLikeId("shippingOption", optionId)) throw notFound("Shipping option", optionId);
  const option = await client.shippingOption.findUnique({ where: { id: optionId }, include: withRegion });
  if (!option) throw notFound("Shipping option", optionId);
  return option;
}

export async function listAdminShippingOptions(filter: { regionId?: string; isReturn?: boolean; adminOnly?: boolean }) {
  const options = await db().shippingOption.findMany({
    where: { regionId: filter.regionId, isReturn: filter.isReturn, adminOnly: filter.adminOnly },
    include: withRegion,
    orderBy: [{ regionId: "asc" }, { amount: "asc" }, { id: "asc" }],
  });
  return { shipping_options: options.map(serializeAdminShippingOption), count: options.length };
}

export async function retrieveAdminShippingOption(optionId: string): Promise<AdminShippingOption> {
  return serializeAdminShippingOption(await loadOption(optionId));
}

function requirementColumns(requirements: ShippingRequirementInput[]) {
  return {
    minSubtotal: requirements.find((entry) => entry.type === "min_subtotal")?.amount ?? null,
    maxSubtotal: requirements.find((entry) => entry.type === "max_subtotal")?.amount ?? null,
  };
}

export async function createAdminShippingOption(input: CreateShippingOptionInput): Promise<AdminShippingOption> {
  if (!looksLikeId("region", input.region_id)) throw invalidData(`region_id: region with id ${input.region_id} was not found`, "unknown_region");
  const region = await db().region.findUnique({ where: { id: input.region_id }, select: { fulfillmentProviderIds: true, name: true } });
  if (!region) throw invalidData(`region_id: region with id ${input.region_id} was not found`, "unknown_region");
  const providers = region.fulfillmentProviderIds.split(",").map((id) => id.trim()).filter(Boolean);
  if (!providers.includes(input.provider_id)) {
    throw invalidData(`provider_id: "${input.provider_id}" is not a fulfillment provider of the region ${region.name} (it has: ${providers.join(", ") || "none"})`, "unknown_fulfillment_provider");
  }
  const id = newId("shippingOption");
  await db().shippingOption.create({
    data: {
      id,
      regionId: input.region_id,
      name: input.name,
      priceType: input.price_type,
      amount: input.amount,
      includesTax: input.includes_tax ?? null,
      isReturn: input.is_return,
      adminOnly: input.admin_only,
      providerId: input.provider_id,
      ...requirementColumns(input.requirements),
    },
  });
  return retrieveAdminShippingOption(id);
}

export async function updateAdminShippingOption(optionId: string, input: UpdateShippingOptionInput): Promise<AdminShippingOption> {
  await loadOption(optionId);
  await db().shippingOption.update({
    where: { id: optionId },
    data: {
      name: input.name,
      amount: input.amount,
      adminOnly: input.admin_only,
      includesTax: input.includes_tax,
      ...(input.requirements !== undefined ? requirementColumns(input.requirements) : {}),
    },
  });
  return retrieveAdminShippingOption(optionId);
}

export type ShippingOptionDeletion =
  | { id: string; object: "shipping-option"; deleted: true }
  | { id: string; object: "shipping-option"; deleted: false; switched_off: true; message: string; shipping_option: AdminShippingOption };

export async function deleteAdminShippingOption(optionId: string): Promise<ShippingOptionDeletion> {
  const outcome = await db().$transaction(async (tx) => {
    await loadOption(optionId, tx);
    // Open carts that chose the option are claimed first (version bump), so no completion can
    // slip in between the check for orders and the delete.
    const openMethods = await tx.shippingMethod.findMany({ where: { shippingOptionId: optionId, orderId: null, cart: { completedAt: null } }, select: { cartId: true } });
    const cartIds = [...new Set(openMethods.map((method) => method.cartId))];
    if (cartIds.length) await tx.cart.updateMany({ where: { id: { in: cartIds }, completedAt: null }, data: { version: { increment: 1 } } });
    const ordered = await tx.shippingMethod.findFirst({
      where: { shippingOptionId: optionId, OR: [{ orderId: { not: null } }, { cart: { completedAt: { not: null } } }] },
      select: { id: true },
    });
    if (ordered) {
      await tx.shippingOption.update({ where: { id: optionId }, data: { adminOnly: true } });
      return "switched_off" as const;
    }
    await tx.shippingMethod.deleteMany({ where: { shippingOptionId: optionId } });
    await tx.shippingOption.delete({ where: { id: optionId } });
    return "deleted" as const;
  });
  if (outcome === "deleted") return { id: optionId, object: "shipping-option", deleted: true };
  const option = await retrieveAdminShippingOption(optionId);
  return {
    id: optionId,
    object: "shipping-option",
    deleted: false,
    switched_off: true,
    message: `"${option.name}" was used by orders, so it was not deleted: it is switched off instead (admin_only) and no longer offered to shoppers`,
    shipping_option: option,
  };
}
