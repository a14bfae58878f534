// The address a request came from, for per-address rate limits. Only the front server
// (scripts/serve.ts) sees the connection, so it works the address out and hands it to the app in
// one header it always overwrites; the app reads nothing else. Behind proxies (a load balancer,
// a CDN), X-Forwarded-For is a list each hop appends to, and only the entries written by proxies
// the store trusts are true: with TRUSTED_PROXY_COUNT=N the client is the Nth entry from the
// right (the socket's peer being the nearest proxy); with 0, the default, it is the socket's peer
// and X-Forwarded-For is ignored, because a client talking to the store directly writes it.
export const CLIENT_ADDRESS_HEADER = "x-store-client-address";

export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const raw = env.TRUSTED_PROXY_COUNT ?? "0";
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 0 || count > 10) throw new Error(`TRUSTED_PROXY_COUNT must be a whole number from 0 to 10, not "${raw}"`);
  return count;
}

/** The pure rule: the socket's peer, or the entry the nearest trusted proxy vouches for. */
export function clientAddressFrom(input: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trustedProxies: number }): string {
  const forwarded = (Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  // The hops, nearest last: what the proxies wrote, then the socket's peer.
  const chain = [...forwarded, input.socketAddress ?? "unknown"];
  return chain[Math.max(0, chain.length - 1 - input.trustedProxies)];
}

/** In the app: the address the front server worked out ("unknown" under `next dev`, which has none). */
export function clientAddress(request: { headers: Headers }): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || "unknown";
}
