import { storeRoute } from "@/lib/api/store-route";
import { listCartShippingOptions } from "@/lib/commerce/shipping-options";

export const GET = storeRoute<{ cart_id: string }>(async ({ params }) => ({
  shipping_options: await listCartShippingOptions(params.cart_id),
}));
