import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { parsePage } from "@/lib/api/validation";
import { listProducts } from "@/lib/commerce/products";

const list = storeRoute(({ query }) =>
  listProducts({
    ...parsePage(query),
    regionId: query.get("region_id") ?? undefined,
    cartId: query.get("cart_id") ?? undefined,
    currencyCode: query.get("currency_code") ?? undefined,
    handle: query.get("handle") ?? undefined,
  }),
);

export const { GET, POST, DELETE } = routeMethods({ GET: list });
