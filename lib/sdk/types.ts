// The Store API's JSON shapes, as the server serializes them. Types only: nothing of the
// commerce domain runs in the storefront.
import type { AddressInput, CreateCartInput, UpdateCartInput } from "@/lib/commerce/cart";
import type { CompletionResult } from "@/lib/commerce/complete-cart";
import type { StoreOrderWithEmail } from "@/lib/commerce/orders";
import type { StoreCart, StoreOrder, StoreProduct, StoreRegion, StoreShippingOption } from "@/lib/commerce/serialize";

import type { StoreCustomer } from "@/lib/customers/serialize";

export type { StoreCart, StoreCustomer, StoreOrder, StoreOrderWithEmail, StoreProduct, StoreRegion, StoreShippingOption };

export type StoreCustomerAddress = StoreCustomer["shipping_addresses"][number];

export type StoreLineItem = StoreCart["items"][number];
export type StoreVariant = StoreProduct["variants"][number] & { calculated_price?: number | null; original_price?: number | null };
export type StoreAddress = NonNullable<StoreCart["shipping_address"]>;
export type StorePaymentSession = StoreCart["payment_sessions"][number];

// Request bodies are the domain's own input types, so the client and the server cannot drift.
export type AddressPayload = Omit<AddressInput, "metadata">;
export type CartCreatePayload = CreateCartInput;
export type CartUpdatePayload = UpdateCartInput;
export type CompleteCartResult = CompletionResult;

export type PricingQuery = { region_id?: string; cart_id?: string; currency_code?: string };
