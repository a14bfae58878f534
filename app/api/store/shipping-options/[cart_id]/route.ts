import { cartRoute } from "@/lib/api/customer-auth";
import { routeMethods } from "@/lib/api/store-route";
import { listCartShippingOptions } from "@/lib/commerce/shipping-options";

const listForCart = cartRoute<{ cart_id: string }>("cart_id", async ({ params }) => ({
  shipping_options: await listCartShippingOptions(params.cart_id),
}));

export const { GET, POST, DELETE } = routeMethods({ GET: listForCart });
