// HTTP helpers for the API suites. STORE_URLS lists the running app instances (scripts/test.ts
// starts two per database); requests go to the first unless a test spreads them.
import { randomUUID } from "node:crypto";

export const STORE_URLS = (process.env.STORE_URLS ?? "").split(",").filter(Boolean);
if (STORE_URLS.length === 0) throw new Error("STORE_URLS is not set: run the API suites through `npm test`");

/** Points the helpers at other instances (a test that starts its own store with its own settings). */
export function pointAtStoreInstances(urls: string[]): void {
  STORE_URLS.splice(0, STORE_URLS.length, ...urls);
}

export type ApiAnswer<T = any> = { status: number; body: T; headers: Headers };

export async function api<T = any>(
  method: "GET" | "POST" | "DELETE" | "OPTIONS",
  path: string,
  options: { body?: unknown; rawBody?: string; headers?: Record<string, string>; instance?: number } = {},
): Promise<ApiAnswer<T>> {
  const base = STORE_URLS[(options.instance ?? 0) % STORE_URLS.length];
  const hasBody = options.rawBody !== undefined || options.body !== undefined || method === "POST" || method === "DELETE";
  const response = await fetch(`${base}/api${path}`, {
    method,
    headers: { ...(hasBody ? { "content-type": "application/json" } : {}), ...options.headers },
    body: hasBody && method !== "GET" ? (options.rawBody ?? JSON.stringify(options.body ?? {})) : undefined,
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: left as text so the assertion shows it
  }
  return { status: response.status, body, headers: response.headers };
}

export const EUROPE = "reg_europe";
export const UNITED_STATES = "reg_unitedstates";

/** Seeded variants by what they are, so tests read as a shopper would describe them. */
export const VARIANTS = {
  teeSmallWhite: "variant_organiccottonteeswhite",
  teeMediumBlack: "variant_organiccottonteemblack",
  tote: "variant_canvastoteonesize",
  mugSand: "variant_ceramicmugsand",
  beanie: "variant_woolbeanieonesize",
  notebookBackorder: "variant_leathernotebooka5",
  sunglassesSoldOut: "variant_classicsunglassesblack",
  bottleUnmanaged: "variant_steelwaterbottle750ml",
};

export const ADDRESS_DE = {
  first_name: "Lena",
  last_name: "Schmidt",
  address_1: "Torstraße 1",
  city: "Berlin",
  postal_code: "10119",
  country_code: "de",
  phone: "+49 30 123456",
};

export function expectOk<T>(answer: ApiAnswer<T>, what: string): T {
  if (answer.status !== 200) throw new Error(`${what}: expected 200, got ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export async function createCart(items: { variant_id: string; quantity: number }[] = [], regionId = EUROPE) {
  return expectOk(await api("POST", "/store/carts", { body: { region_id: regionId, items } }), "create cart").cart;
}

/**
 * A cart ready to pay: items, email, address, the first shipping option offered and payment
 * sessions with the given provider selected.
 */
export async function readyCart(options: {
  items: { variant_id: string; quantity: number }[];
  provider?: string;
  regionId?: string;
  address?: Record<string, unknown>;
  instance?: number;
}) {
  const instance = options.instance ?? 0;
  const cart = await createCart(options.items, options.regionId ?? EUROPE);
  expectOk(
    await api("POST", `/store/carts/${cart.id}`, {
      body: { email: `shopper+${randomUUID().slice(0, 8)}@example.com`, shipping_address: options.address ?? ADDRESS_DE },
      instance,
    }),
    "set email and address",
  );
  const { shipping_options } = expectOk(await api("GET", `/store/shipping-options/${cart.id}`, { instance }), "list options");
  expectOk(await api("POST", `/store/carts/${cart.id}/shipping-methods`, { body: { option_id: shipping_options[0].id }, instance }), "add shipping");
  expectOk(await api("POST", `/store/carts/${cart.id}/payment-sessions`, { instance }), "create sessions");
  return expectOk(
    await api("POST", `/store/carts/${cart.id}/payment-session`, { body: { provider_id: options.provider ?? "manual" }, instance }),
    "select provider",
  ).cart;
}
