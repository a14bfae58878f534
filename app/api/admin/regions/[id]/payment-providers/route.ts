import { z } from "zod";
import { adminRoute } from "@/lib/api/admin-route";
import { routeMethods } from "@/lib/api/store-route";
import { parseWith } from "@/lib/api/validation";
import { setRegionPaymentProvider } from "@/lib/catalogue/admin-regions";

const addProviderSchema = z.strictObject({ provider_id: z.string().trim().min(1).max(50) });

export const { GET, POST, DELETE } = routeMethods<{ id: string }>({
  POST: adminRoute(async ({ params, body }) => ({ region: await setRegionPaymentProvider(params.id, parseWith(addProviderSchema, body).provider_id, true) })),
});
