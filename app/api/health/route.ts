import { json } from "@/lib/api/store-route";
import { checkStoreHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const health = await checkStoreHealth();
  return json(health.ok ? 200 : 503, health);
}
