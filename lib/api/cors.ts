// CORS for the Store API. medusa-js sends credentials, so the answer names the caller's origin
// (never "*") when STORE_CORS allows it. STORE_CORS is a comma-separated list of origins; a
// /regex/ entry matches by pattern. Default: any localhost or 127.0.0.1 origin.
const DEFAULT_STORE_CORS = "/^https?:\\/\\/(localhost|127\\.0\\.0\\.1)(:\\d+)?$/";

type OriginRule = string | RegExp;

export function parseOriginRules(setting: string | undefined = process.env.STORE_CORS): OriginRule[] {
  return (setting?.trim() || DEFAULT_STORE_CORS)
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => (entry.length > 2 && entry.startsWith("/") && entry.endsWith("/") ? new RegExp(entry.slice(1, -1)) : entry.replace(/\/$/, "")));
}

export function isOriginAllowed(origin: string, rules: OriginRule[]): boolean {
  return rules.some((rule) => (typeof rule === "string" ? rule === "*" || rule === origin : rule.test(origin)));
}

export function corsHeaders(origin: string | null, rules: OriginRule[]): Record<string, string> {
  if (!origin || !isOriginAllowed(origin, rules)) return { vary: "Origin" };
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    vary: "Origin",
  };
}

export function preflightHeaders(request: Request, rules: OriginRule[]): Record<string, string> {
  const base = corsHeaders(request.headers.get("origin"), rules);
  if (!base["access-control-allow-origin"]) return base;
  return {
    ...base,
    "access-control-allow-methods": "GET, POST, DELETE, OPTIONS",
    "access-control-allow-headers":
      request.headers.get("access-control-request-headers") ??
      "content-type, idempotency-key, x-publishable-api-key, authorization",
    "access-control-max-age": "600",
  };
}
