import { json, routeMethods } from "@/lib/api/store-route";
import { checkStoreHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

const health = async (): Promise<Response> => {
  const result = await checkStoreHealth();
  return json(result.ok ? 200 : 503, result, result.ok ? {} : { "retry-after": "5" });
};

export const { GET, POST, DELETE } = routeMethods({ GET: health });
