import type { Transport } from "./transport";
import type { StoreShippingOption } from "./types";

export type ShippingOptionsResource = ReturnType<typeof shippingOptionsResource>;

type OptionsAnswer = { shipping_options: StoreShippingOption[] };

export function shippingOptionsResource(request: Transport) {
  return {
    /** The options this cart may use now (its region, requirements met). */
    listCartOptions: (cartId: string) => request<OptionsAnswer>("GET", `/store/shipping-options/${encodeURIComponent(cartId)}`),
    /** The region's catalogue of options with their requirements, e.g. for a free-shipping hint. */
    list: (query: { region_id?: string; product_ids?: string; is_return?: boolean } = {}) =>
      request<OptionsAnswer>("GET", "/store/shipping-options", { query }),
  };
}
