import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { setRegionPaymentProvider } from "@/lib/catalogue/admin-regions";

export const { GET, POST, DELETE } = routeMethods<{ id: string; provider_id: string }>({
  DELETE: adminRoute(async ({ params }) => ({ region: await setRegionPaymentProvider(params.id, params.provider_id, false) })),
});
