// Database rows → the Store API's JSON (Medusa v1 shapes, snake_case, money in minor units).
// Totals come from the pure totals module (through cart-totals.ts), never computed here.
import { isPaymentProviderInstalled } from "../payments/registry";
import { cartTaxPlace, cartTotals, orderTotals } from "./cart-totals";
import type { CartTotals, LineTotals, TaxLine } from "./totals";
import type { AddressRow, CartRow, OrderRow, ProductRow, RegionRow } from "./queries";

export { cartTotals, discountRule } from "./cart-totals";

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
    includes_tax: region.includesTax,
    automatic_taxes: true,
    gift_cards_taxable: false,
    tax_rates: region.taxRates.map((rate) => ({
      id: rate.id,
      region_id: region.id,
      rate: rate.rateBasisPoints / 100,
      name: rate.name,
      code: rate.code,
      country_code: rate.countryCode,
      province_code: rate.provinceCode,
      product_type: rate.productType,
      applies_to_shipping: rate.appliesToShipping,
    })),
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
          includes_tax: candidate.includesTax,
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

const taxLinesJson = (taxLines: readonly TaxLine[], owner: Record<string, string>) =>
  taxLines.map((line) => ({ rate: line.rate / 100, name: line.name, code: line.code, ...owner }));

const lineFigures = (figures: LineTotals) => ({
  subtotal: figures.subtotal,
  discount_total: figures.discount_total,
  tax_total: figures.tax_total,
  total: figures.total,
  original_total: figures.original_total,
  original_tax_total: figures.original_tax_total,
});

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
    includes_tax: item.includesTax,
    quantity: item.quantity,
    fulfilled_quantity: item.fulfilledQuantity,
    shipped_quantity: item.shippedQuantity,
    returned_quantity: 0,
    is_giftcard: false,
    should_merge: true,
    allow_discounts: true,
    has_shipping: false,
    tax_lines: taxLinesJson(line.tax_lines, { item_id: item.id }),
    ...lineFigures(line),
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
    includes_tax: method.includesTax,
    tax_lines: taxLinesJson(figures.tax_lines, { shipping_method_id: method.id }),
    ...lineFigures(figures),
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
    admin_only: option.adminOnly,
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
  item_tax_total: totals.item_tax_total,
  shipping_tax_total: totals.shipping_tax_total,
  tax_total: totals.tax_total,
  gift_card_total: totals.gift_card_total,
  gift_card_tax_total: 0,
  total: totals.total,
  /** Tax per rate, e.g. [{ name: "VAT", code: "DE", rate: 19, amount: 798 }]. */
  tax_breakdown: totals.taxBreakdown.map((row) => ({ name: row.name, code: row.code, rate: row.rate / 100, amount: row.amount })),
  /** The same money as a shopper reads it: prices as shown, tax added on top or included. */
  summary: totals.summary,
});

function serializeDiscount(discount: { id: string; code: string; type: string; value: number; regionId: string | null; productIds: string | null; minSubtotal: number | null; startsAt: Date | null; endsAt: Date | null }) {
  return {
    id: discount.id,
    code: discount.code,
    is_dynamic: false,
    is_disabled: false,
    starts_at: iso(discount.startsAt),
    ends_at: iso(discount.endsAt),
    regions: discount.regionId ? [{ id: discount.regionId }] : [],
    rule: {
      type: discount.type,
      value: discount.value,
      allocation: discount.type === "fixed" ? "total" : "item",
      products: (discount.productIds ?? "").split(",").filter(Boolean).map((id) => ({ id })),
      min_subtotal: discount.minSubtotal,
    },
  };
}

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
    discounts: cart.discount ? [serializeDiscount(cart.discount)] : [],
    gift_cards: cart.giftCards.map(({ giftCard }) => ({
      id: giftCard.id,
      code: giftCard.code,
      value: giftCard.value,
      balance: giftCard.balance,
      region_id: giftCard.regionId,
      is_disabled: giftCard.isDisabled,
      ends_at: iso(giftCard.endsAt),
      /** What this card pays of the cart (after discounts and tax). */
      amount: totals.giftCards.find((card) => card.id === giftCard.id)?.amount ?? 0,
    })),
    /** "shipping_address": the rates of where the cart ships; "region_default": no address yet. */
    tax_origin: cartTaxPlace(cart) ? "shipping_address" : "region_default",
    completed_at: iso(cart.completedAt),
    created_at: iso(cart.createdAt),
    updated_at: iso(cart.updatedAt),
    metadata: null,
    ...totalsFields(totals),
  };
}

export function serializeOrder(order: OrderRow) {
  // Line and shipping figures are recomputed from the tax lines, discount and gift card amounts
  // the order was sold with; the order totals are the stored ones, fixed at completion.
  const totals = orderTotals(order);
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
    gift_cards: order.giftCardTransactions.map((transaction) => ({ id: transaction.giftCardId, code: transaction.giftCard.code })),
    gift_card_transactions: order.giftCardTransactions.map((transaction) => ({
      id: transaction.id,
      gift_card_id: transaction.giftCardId,
      order_id: order.id,
      amount: transaction.amount,
      is_taxable: false,
      created_at: iso(transaction.createdAt),
    })),
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
    ...totalsFields(totals),
    subtotal: order.subtotal,
    discount_total: order.discountTotal,
    shipping_total: order.shippingTotal,
    tax_total: order.taxTotal,
    gift_card_total: order.giftCardTotal,
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
