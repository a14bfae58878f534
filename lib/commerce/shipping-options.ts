// Shipping options and the shipping method a cart carries. Which options a cart may use is the
// pure rule in shipping-requirements.ts; listing and selecting apply it the same way. An option the
// merchant switched off (admin_only, lib/catalogue/admin-shipping-options.ts) is neither listed
// nor accepted, and a cart that chose it before cannot complete with it (complete-cart.ts).
import { db } from "../db/client";
import { changeCartThenRead, loadCart } from "./cart-store";
import { notAllowed, notFound } from "./errors";
import { looksLikeId, newId } from "./ids";
import { syncPaymentSessions } from "./payment-sessions";
import { cartTotals, serializeShippingOption, type StoreCart, type StoreShippingOption } from "./serialize";
import { meetsSubtotalRequirements } from "./shipping-requirements";

const byPrice = { orderBy: [{ amount: "asc" as const }, { id: "asc" as const }] };

/** The options a cart can choose: its region's, offered to shoppers, not return options, requirements met. */
export async function listCartShippingOptions(cartId: string): Promise<StoreShippingOption[]> {
  const cart = await loadCart(cartId);
  const subtotal = cartTotals(cart).item_amount;
  const options = await db().shippingOption.findMany({ where: { regionId: cart.regionId, isReturn: false, adminOnly: false }, ...byPrice });
  return options.filter((option) => meetsSubtotalRequirements(option, subtotal)).map(serializeShippingOption);
}

/** The catalogue of options, e.g. to show a free-shipping threshold before checkout. */
export async function listShippingOptions(filter: { regionId?: string; isReturn?: boolean }): Promise<StoreShippingOption[]> {
  if (filter.regionId && !looksLikeId("region", filter.regionId)) return [];
  const options = await db().shippingOption.findMany({
    where: { regionId: filter.regionId, isReturn: filter.isReturn, adminOnly: false },
    ...byPrice,
  });
  return options.map(serializeShippingOption);
}

export async function addShippingMethod(cartId: string, input: { option_id: string; data?: Record<string, unknown> }): Promise<StoreCart> {
  if (!looksLikeId("shippingOption", input.option_id)) throw notFound("Shipping option", input.option_id);
  const changed = await changeCartThenRead(cartId, async (tx, read) => {
    const cart = read!;
    const option = await tx.shippingOption.findUnique({ where: { id: input.option_id } });
    if (!option) throw notFound("Shipping option", input.option_id);
    if (option.regionId !== cart.regionId) {
      throw notAllowed("The shipping option is not available in the cart's region", "shipping_option_not_in_region");
    }
    if (option.adminOnly) throw notAllowed(`The shipping option ${option.name} is no longer offered; choose another`, "shipping_option_unavailable");
    if (option.isReturn) throw notAllowed("A return shipping option cannot be used for a cart", "return_shipping_option");
    if (!meetsSubtotalRequirements(option, cartTotals(cart).item_amount)) {
      throw notAllowed("The Cart does not satisfy the shipping option's requirements", "shipping_requirements_not_met");
    }
    // One shipping profile, so one method per cart: choosing again replaces the choice (the cart
    // was read under this change's claim, so it knows every method there is).
    if (cart.shippingMethods.length > 0) await tx.shippingMethod.deleteMany({ where: { cartId } });
    await tx.shippingMethod.create({
      data: {
        id: newId("shippingMethod"),
        cartId,
        shippingOptionId: option.id,
        name: option.name,
        price: option.amount,
        includesTax: option.includesTax ?? cart.region.includesTax,
        dataJson: JSON.stringify(input.data ?? {}),
      },
    });
  });
  return syncPaymentSessions(cartId, changed);
}
