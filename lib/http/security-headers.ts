// The protective headers of every answer (pages, the APIs, static files, refusals), from this one
// place; scripts/serve.ts stamps them on each response.
//
// Why a CSP without nonces: a nonce has to be new for every response, so Next.js can only apply it
// while rendering a page per request; every page would become dynamic and none could be served
// from a cache (Next.js 16 "Content Security Policy" guide, "Static vs Dynamic Rendering with
// CSP"), which the catalogue pages must be. The App Router's own inline bootstrap scripts then need
// 'unsafe-inline' in script-src, as the guide's "Without Nonces" policy has it. What the policy
// still guarantees: scripts, frames and connections only from this store and Stripe's documented
// origins (js.stripe.com for Stripe.js, api.stripe.com for its calls, hooks.stripe.com and the
// js.stripe.com frames for card fields and 3-D Secure), so an injected script could not load code
// or send data elsewhere; no plugins; no <base> or form hijacking; and no framing at all
// (frame-ancestors 'none', with X-Frame-Options for older browsers), so the checkout cannot be
// overlaid by another site. React escapes what it renders, which is the first line against
// injection; the CSP is the second.
//
// The values are computed when the server starts, not at build time, so STRIPE_API_BASE (the
// offline emulator in tests) is allowed to be called from the page when it is set.
const STRIPE_SCRIPTS = ["https://js.stripe.com", "https://*.js.stripe.com"];
const STRIPE_FRAMES = ["https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"];
const STRIPE_CONNECT = ["https://api.stripe.com"];

export type SecurityHeaderOptions = {
  /** The request arrived over TLS (directly or as told by a proxy): HSTS is sent then only. */
  https: boolean;
  /** STRIPE_API_BASE: the page may call it (the offline emulator in tests). */
  stripeApiBase?: string | null;
};

function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export function contentSecurityPolicy(options: Pick<SecurityHeaderOptions, "stripeApiBase"> = {}): string {
  const stripeApi = originOf(options.stripeApiBase);
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...STRIPE_SCRIPTS],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", "https://*.stripe.com"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...STRIPE_CONNECT, ...(stripeApi ? [stripeApi] : [])],
    "frame-src": ["'self'", ...STRIPE_FRAMES],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(options),
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Stripe's fields may ask for payment features inside their own frames; nothing else may.
    "permissions-policy": 'camera=(), microphone=(), geolocation=(), payment=(self "https://js.stripe.com")',
    "cross-origin-opener-policy": "same-origin-allow-popups",
    // Browsers ignore HSTS over plain HTTP, and sending it from a TLS-less local store would be wrong.
    ...(options.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** Whether a request came over TLS: the socket itself, or X-Forwarded-Proto from a proxy in front. */
export function arrivedOverTls(encrypted: boolean, forwardedProto: string | string[] | undefined): boolean {
  if (encrypted) return true;
  const proto = Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto;
  return proto?.split(",")[0].trim().toLowerCase() === "https";
}
