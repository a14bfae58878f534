import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { listPaymentProviders } from "@/lib/catalogue/admin-regions";

export const { GET, POST, DELETE } = routeMethods({
  GET: adminRoute(async () => ({ payment_providers: listPaymentProviders() })),
});
