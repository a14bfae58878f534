import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { listCartShippingOptions } from "@/lib/commerce/shipping-options";

const listForCart = storeRoute<{ cart_id: string }>(async ({ params }) => ({
  shipping_options: await listCartShippingOptions(params.cart_id),
}));

export const { GET, POST, DELETE } = routeMethods({ GET: listForCart });
