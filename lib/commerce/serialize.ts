// Database rows → the Store API's JSON (Medusa v1 shapes, snake_case, money in minor units).
// Totals are computed here from the pure totals module, never stored on the cart.
import { isPaymentProviderInstalled } from "../payments/registry";
import { computeCartTotals, type CartTotals, type DiscountRule } from "./totals";
import type { AddressRow, CartRow, OrderRow, ProductRow, RegionRow } from "./queries";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function parseJson(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  return JSON.parse(text) as Record<string, unknown>;
}

export function regionPaymentProviderIds(region: { paymentProviderIds: string }): string[] {
  return region.paymentProviderIds
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id && isPaymentProviderInstalled(id));
}

export function serializeRegion(region: RegionRow) {
  return {
    id: region.id,
    name: region.name,
    currency_code: region.currencyCode,
    tax_rate: region.taxRateBasisPoints / 100,
    tax_code: null,
    countries: region.countries.map((country) => ({
      id: country.iso2,
      iso_2: country.iso2,
      iso_3: country.iso3,
      name: country.name,
      display_name: country.displayName,
      region_id: country.regionId,
    })),
    payment_providers: regionPaymentProviderIds(region).map((id) => ({ id, is_installed: true })),
    fulfillment_providers: region.fulfillmentProviderIds
      .split(",")
      .filter(Boolean)
      .map((id) => ({ id, is_installed: true })),
    created_at: iso(region.createdAt),
    metadata: null,
  };
}

export function serializeAddress(address: AddressRow | null) {
  if (!address) return null;
  return {
    id: address.id,
    first_name: address.firstName,
    last_name: address.lastName,
    company: address.company,
    phone: address.phone,
    address_1: address.address1,
    address_2: address.address2,
    city: address.city,
    country_code: address.countryCode,
    province: address.province,
    postal_code: address.postalCode,
    metadata: parseJson(address.metadataJson),
  };
}

export function serializeProduct(product: ProductRow, currencyCode: string | null) {
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    description: product.description,
    thumbnail: product.thumbnail,
    images: product.images.map((image) => ({ id: image.id, url: image.url })),
    options: product.options.map((option) => ({
      id: option.id,
      title: option.title,
      product_id: product.id,
      values: option.values.map((value) => ({ id: value.id, value: value.value, option_id: option.id, variant_id: value.variantId })),
    })),
    variants: product.variants.map((variant) => {
      const price = currencyCode ? variant.prices.find((candidate) => candidate.currencyCode === currencyCode) : undefined;
      return {
        id: variant.id,
        title: variant.title,
        sku: variant.sku,
        product_id: product.id,
        inventory_quantity: variant.inventoryQuantity,
        manage_inventory: variant.manageInventory,
        allow_backorder: variant.allowBackorder,
        prices: variant.prices.map((candidate) => ({
          id: candidate.id,
          currency_code: candidate.currencyCode,
          amount: candidate.amount,
          variant_id: variant.id,
        })),
        options: variant.optionValues.map((value) => ({ id: value.id, option_id: value.optionId, value: value.value })),
        ...(currencyCode ? { calculated_price: price?.amount ?? null, original_price: price?.amount ?? null } : {}),
      };
    }),
    created_at: iso(product.createdAt),
  };
}

type ItemRow = CartRow["items"][number];
type MethodRow = CartRow["shippingMethods"][number];

export function discountRule(discount: { type: string | null; value: number | null } | null): DiscountRule | null {
  if (!discount || discount.type === null || discount.value === null) return null;
  return { type: discount.type === "fixed" ? "fixed" : "percentage", value: discount.value };
}

/** The totals of a cart as loaded with cartInclude; the single source for every figure. */
export function cartTotals(cart: Pick<CartRow, "region" | "items" | "shippingMethods" | "discount">): CartTotals {
  return computeCartTotals({
    taxRateBasisPoints: cart.region.taxRateBasisPoints,
    items: cart.items,
    shippingMethods: cart.shippingMethods,
    discount: discountRule(cart.discount),
  });
}

function serializeLineItem(item: ItemRow, totals: CartTotals, owner: { cart_id: string; order_id: string | null }) {
  const line = totals.items[item.id];
  return {
    id: item.id,
    ...owner,
    title: item.title,
    description: item.description,
    thumbnail: item.thumbnail,
    variant_id: item.variantId,
    variant: {
      id: item.variant.id,
      title: item.variant.title,
      sku: item.variant.sku,
      product_id: item.variant.productId,
      inventory_quantity: item.variant.inventoryQuantity,
      product: {
        id: item.variant.product.id,
        title: item.variant.product.title,
        handle: item.variant.product.handle,
        thumbnail: item.variant.product.thumbnail,
      },
    },
    unit_price: item.unitPrice,
    quantity: item.quantity,
    fulfilled_quantity: item.fulfilledQuantity,
    shipped_quantity: item.shippedQuantity,
    returned_quantity: 0,
    is_giftcard: false,
    should_merge: true,
    allow_discounts: true,
    has_shipping: false,
    subtotal: line.subtotal,
    discount_total: line.discount_total,
    tax_total: line.tax_total,
    total: line.total,
    original_total: line.subtotal + line.tax_total,
    created_at: iso(item.createdAt),
  };
}

function serializeShippingMethod(method: MethodRow, totals: CartTotals, owner: { cart_id: string; order_id: string | null }) {
  const figures = totals.shippingMethods[method.id];
  return {
    id: method.id,
    ...owner,
    shipping_option_id: method.shippingOptionId,
    shipping_option: serializeShippingOption(method.shippingOption),
    name: method.name,
    price: method.price,
    tax_total: figures.tax_total,
    total: figures.total,
    data: parseJson(method.dataJson) ?? {},
  };
}

export function serializeShippingOption(option: MethodRow["shippingOption"]) {
  const requirements = [
    ...(option.minSubtotal !== null ? [{ id: `${option.id}_min`, type: "min_subtotal", amount: option.minSubtotal }] : []),
    ...(option.maxSubtotal !== null ? [{ id: `${option.id}_max`, type: "max_subtotal", amount: option.maxSubtotal }] : []),
  ];
  return {
    id: option.id,
    name: option.name,
    region_id: option.regionId,
    price_type: option.priceType,
    amount: option.amount,
    is_return: option.isReturn,
    provider_id: option.providerId,
    admin_only: false,
    requirements,
    data: {},
  };
}

function serializePaymentSession(session: CartRow["paymentSessions"][number]) {
  return {
    id: session.id,
    cart_id: session.cartId,
    provider_id: session.providerId,
    is_selected: session.isSelected ? true : null,
    is_initiated: session.isInitiated,
    status: session.status,
    data: parseJson(session.dataJson) ?? {},
    amount: session.amount,
    created_at: iso(session.createdAt),
    updated_at: iso(session.updatedAt),
  };
}

const totalsFields = (totals: CartTotals) => ({
  subtotal: totals.subtotal,
  discount_total: totals.discount_total,
  shipping_total: totals.shipping_total,
  tax_total: totals.tax_total,
  gift_card_total: totals.gift_card_total,
  total: totals.total,
});

export function serializeCart(cart: CartRow) {
  const totals = cartTotals(cart);
  const owner = { cart_id: cart.id, order_id: null };
  // Only sessions of providers installed now; a provider switched off keeps its rows but is not offered.
  const sessions = cart.paymentSessions.filter((session) => isPaymentProviderInstalled(session.providerId)).map(serializePaymentSession);
  return {
    object: "cart",
    id: cart.id,
    email: cart.email,
    customer_id: cart.customerId,
    region_id: cart.regionId,
    region: serializeRegion(cart.region),
    type: "default",
    items: cart.items.map((item) => serializeLineItem(item, totals, owner)),
    shipping_address_id: cart.shippingAddressId,
    shipping_address: serializeAddress(cart.shippingAddress),
    billing_address_id: cart.billingAddressId,
    billing_address: serializeAddress(cart.billingAddress),
    shipping_methods: cart.shippingMethods.map((method) => serializeShippingMethod(method, totals, owner)),
    payment_sessions: sessions,
    payment_session: sessions.find((session) => session.is_selected) ?? null,
    discounts: cart.discount
      ? [{ id: cart.discount.id, code: cart.discount.code, rule: { type: cart.discount.type, value: cart.discount.value } }]
      : [],
    gift_cards: [],
    completed_at: iso(cart.completedAt),
    created_at: iso(cart.createdAt),
    updated_at: iso(cart.updatedAt),
    metadata: null,
    ...totalsFields(totals),
  };
}

export function serializeOrder(order: OrderRow) {
  // Line and shipping figures are recomputed from the stored snapshots with the rate the order
  // was placed at; the order totals are the stored ones, fixed at completion.
  const totals = computeCartTotals({
    taxRateBasisPoints: order.taxRateBasisPoints,
    items: order.items,
    shippingMethods: order.shippingMethods,
    discount: discountRule({ type: order.discountType, value: order.discountValue }),
  });
  const owner = { cart_id: order.cartId, order_id: order.id };
  return {
    object: "order",
    id: order.id,
    display_id: order.displayId,
    cart_id: order.cartId,
    email: order.email,
    customer_id: order.customerId,
    region_id: order.regionId,
    region: serializeRegion(order.region),
    currency_code: order.currencyCode,
    tax_rate: order.taxRateBasisPoints / 100,
    status: order.status,
    payment_status: order.paymentStatus,
    fulfillment_status: order.fulfillmentStatus,
    items: order.items.map((item) => serializeLineItem(item, totals, owner)),
    shipping_address: serializeAddress(order.shippingAddress),
    billing_address: serializeAddress(order.billingAddress),
    shipping_methods: order.shippingMethods.map((method) => serializeShippingMethod(method, totals, owner)),
    payments: order.payments.map((payment) => ({
      id: payment.id,
      order_id: payment.orderId,
      provider_id: payment.providerId,
      amount: payment.amount,
      currency_code: payment.currencyCode,
      amount_refunded: payment.amountRefunded,
      data: parseJson(payment.dataJson) ?? {},
      captured_at: iso(payment.capturedAt),
      canceled_at: iso(payment.canceledAt),
      created_at: iso(payment.createdAt),
    })),
    discounts: order.discountCode
      ? [{ code: order.discountCode, rule: { type: order.discountType, value: order.discountValue } }]
      : [],
    gift_cards: [],
    refunds: order.refunds
      .filter((refund) => refund.status === "succeeded")
      .map((refund) => ({
        id: refund.id,
        order_id: refund.orderId,
        payment_id: refund.paymentId,
        amount: refund.amount,
        reason: refund.reason,
        note: refund.note,
        created_at: iso(refund.createdAt),
      })),
    fulfillments: order.fulfillments.map((fulfillment) => {
      const trackingNumbers = JSON.parse(fulfillment.trackingNumbersJson) as string[];
      return {
        id: fulfillment.id,
        order_id: fulfillment.orderId,
        provider_id: fulfillment.providerId,
        items: fulfillment.items.map((item) => ({ fulfillment_id: fulfillment.id, item_id: item.itemId, quantity: item.quantity })),
        tracking_numbers: trackingNumbers,
        tracking_links: trackingNumbers.map((number) => ({ tracking_number: number, url: null, fulfillment_id: fulfillment.id })),
        shipped_at: iso(fulfillment.shippedAt),
        canceled_at: iso(fulfillment.canceledAt),
        created_at: iso(fulfillment.createdAt),
      };
    }),
    canceled_at: iso(order.canceledAt),
    created_at: iso(order.createdAt),
    subtotal: order.subtotal,
    discount_total: order.discountTotal,
    shipping_total: order.shippingTotal,
    tax_total: order.taxTotal,
    gift_card_total: 0,
    total: order.total,
    ...paymentTotals(order.payments),
  };
}

/** Medusa's paid_total (captured, before refunds), refunded_total and what is left to refund. */
export function paymentTotals(payments: { amount: number; amountRefunded: number; capturedAt: Date | null }[]) {
  const captured = payments.filter((payment) => payment.capturedAt);
  const paid = captured.reduce((sum, payment) => sum + payment.amount, 0);
  const refunded = captured.reduce((sum, payment) => sum + payment.amountRefunded, 0);
  return { paid_total: paid, refunded_total: refunded, refundable_amount: paid - refunded };
}

export type StoreCart = ReturnType<typeof serializeCart>;
export type StoreOrder = ReturnType<typeof serializeOrder>;
export type StoreRegion = ReturnType<typeof serializeRegion>;
export type StoreProduct = ReturnType<typeof serializeProduct>;
export type StoreShippingOption = ReturnType<typeof serializeShippingOption>;
