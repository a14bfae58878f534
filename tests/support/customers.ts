// A shopper for the account suites: their own medusa-js client, with a cookie jar of one
// (medusa-js in Node keeps no cookies, so the session cookie is carried by hand, as a browser
// would) and their own client address (X-Forwarded-For), so per-address rate limits of one test
// do not spill into another.
import { randomInt, randomUUID } from "node:crypto";
import Medusa from "@medusajs/medusa-js";
import { db } from "../../lib/db/client";
import { ADDRESS_DE, STORE_URLS } from "./store-api";

export const CUSTOMER_COOKIE = "store_customer_session";

/** A fresh client address per shopper, e.g. 10.83.4.201. */
export const freshClientAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

export const uniqueEmail = (who = "ann") => `${who}+${randomUUID().slice(0, 8)}@example.com`;

export const PASSWORD = "correct horse battery staple";

export type Shopper = {
  medusa: Medusa;
  headers: Record<string, string>;
  /** Keeps the session cookie a sign-in or registration answer set (or cleared). */
  keepCookie(answer: { response: { headers: Record<string, unknown> } }): string | null;
  setCookie(value: string | null): void;
  setBearer(token: string | null): void;
};

export function shopper(options: { instance?: number; address?: string } = {}): Shopper {
  const base = STORE_URLS[(options.instance ?? 0) % STORE_URLS.length];
  const headers: Record<string, string> = { "x-forwarded-for": options.address ?? freshClientAddress() };
  // medusa-js merges config.customHeaders into every request: changing `headers` changes them.
  const medusa = new Medusa({ baseUrl: `${base}/api`, maxRetries: 3, customHeaders: headers });
  const result: Shopper = {
    medusa,
    headers,
    keepCookie(answer) {
      const setCookies = ([] as string[]).concat((answer.response.headers["set-cookie"] as string[] | string | undefined) ?? []);
      const ours = setCookies.find((cookie) => cookie.startsWith(`${CUSTOMER_COOKIE}=`));
      if (!ours) return null;
      const value = ours.split(";")[0].slice(CUSTOMER_COOKIE.length + 1);
      result.setCookie(value ? `${CUSTOMER_COOKIE}=${value}` : null);
      return ours;
    },
    setCookie(value) {
      if (value) headers.cookie = value;
      else delete headers.cookie;
    },
    setBearer(token) {
      if (token) headers.authorization = `Bearer ${token}`;
      else delete headers.authorization;
    },
  };
  return result;
}

/** Registers a new account (signed in afterwards, as Medusa does) and returns it. */
export async function registeredShopper(options: { instance?: number; email?: string } = {}) {
  const client = shopper(options);
  const email = options.email ?? uniqueEmail();
  const answer = await client.medusa.customers.create({ email, password: PASSWORD, first_name: "Ann", last_name: "Example" });
  client.keepCookie(answer as never);
  return { ...client, customer: answer.customer as any, email };
}

/** The status and body of a refused medusa-js call (it throws axios errors). */
export async function refusal(call: Promise<unknown>): Promise<{ status: number; body: any }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    if (response) return { status: response.status, body: response.data };
    throw error;
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

/** The token the store would email (the outbox event issue 8 delivers), newest first. */
export async function emailedToken(name: "customer.password_reset" | "order.claim_requested", resourceId: string): Promise<string | null> {
  const event = await db().outboxEvent.findFirst({ where: { name, resourceId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return event ? (JSON.parse(event.dataJson) as { token: string }).token : null;
}

/** Buys one tote in Europe as this shopper (signed in or not); returns the order. */
export async function buyTote(client: Shopper, options: { email?: string; cartId?: string; address?: Record<string, unknown> } = {}) {
  const { medusa } = client;
  let cart: any = options.cartId
    ? (await medusa.carts.retrieve(options.cartId)).cart
    : (await medusa.carts.create({ region_id: "reg_europe", items: [{ variant_id: "variant_canvastoteonesize", quantity: 1 }] } as never)).cart;
  ({ cart } = await medusa.carts.update(cart.id, {
    ...(options.email ? { email: options.email } : {}),
    shipping_address: (options.address ?? ADDRESS_DE) as never,
  }));
  const { shipping_options } = await medusa.shippingOptions.listCartOptions(cart.id);
  await medusa.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id! });
  await medusa.carts.createPaymentSessions(cart.id);
  await medusa.carts.setPaymentSession(cart.id, { provider_id: "manual" });
  const completed = await medusa.carts.complete(cart.id);
  if (completed.type !== "order") throw new Error(`expected an order, got ${completed.type}`);
  return completed.data as any;
}
