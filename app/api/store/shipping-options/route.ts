import { routeMethods, storeRoute } from "@/lib/api/store-route";
import { invalidData } from "@/lib/commerce/errors";
import { listShippingOptions } from "@/lib/commerce/shipping-options";

function parseBoolean(value: string | null): boolean | undefined {
  if (value === null || value === "") return undefined;
  if (value === "true" || value === "false") return value === "true";
  throw invalidData("is_return must be true or false");
}

const list = storeRoute(async ({ query }) => ({
  shipping_options: await listShippingOptions({
    regionId: query.get("region_id") ?? undefined,
    isReturn: parseBoolean(query.get("is_return")),
  }),
}));

export const { GET, POST, DELETE } = routeMethods({ GET: list });
