// The Store API's JSON shapes, as the server serializes them. Types only: nothing of the
// commerce domain runs in the storefront.
import type { StoreCart, StoreOrder, StoreProduct, StoreRegion, StoreShippingOption } from "@/lib/commerce/serialize";

export type { StoreCart, StoreOrder, StoreProduct, StoreRegion, StoreShippingOption };

export type StoreLineItem = StoreCart["items"][number];
export type StoreVariant = StoreProduct["variants"][number] & { calculated_price?: number | null; original_price?: number | null };
export type StoreAddress = NonNullable<StoreCart["shipping_address"]>;
export type StorePaymentSession = StoreCart["payment_sessions"][number];

export type AddressPayload = {
  first_name?: string | null;
  last_name?: string | null;
  company?: string | null;
  phone?: string | null;
  address_1?: string | null;
  address_2?: string | null;
  city?: string | null;
  country_code?: string | null;
  province?: string | null;
  postal_code?: string | null;
};

export type CartCreatePayload = { region_id?: string; country_code?: string; items?: { variant_id: string; quantity: number }[] };

export type CartUpdatePayload = {
  region_id?: string;
  country_code?: string;
  email?: string;
  shipping_address?: AddressPayload;
  billing_address?: AddressPayload;
  discounts?: { code: string }[];
};

export type CompleteCartResult =
  | { type: "order"; data: StoreOrder }
  | { type: "cart"; data: StoreCart; payment_status: string };

export type PricingQuery = { region_id?: string; cart_id?: string; currency_code?: string };
