import type { Transport } from "./transport";
import type { StoreRegion } from "./types";

export type RegionsResource = ReturnType<typeof regionsResource>;

export function regionsResource(request: Transport) {
  return {
    list: (query: { limit?: number; offset?: number } = {}) =>
      request<{ regions: StoreRegion[]; count: number; offset: number; limit: number }>("GET", "/store/regions", { query }),
    retrieve: (id: string) => request<{ region: StoreRegion }>("GET", `/store/regions/${encodeURIComponent(id)}`),
  };
}
