import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { retrieveProduct } from "@/lib/commerce/products";

const retrieve = storeRoute<{ id: string }>(async ({ params, query }) => ({
  product: await retrieveProduct(params.id, {
    regionId: query.get("region_id") ?? undefined,
    cartId: query.get("cart_id") ?? undefined,
    currencyCode: query.get("currency_code") ?? undefined,
  }),
}));

export const { GET, POST, DELETE } = routeMethods({ GET: retrieve });
