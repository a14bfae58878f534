// A registered, signed-in shopper with one saved address, for the fuzz runs: its bearer token lets
// the fuzzer reach the account routes past sign-in.
import { randomUUID } from "node:crypto";

export async function signedInShopper(baseUrl = (process.env.STORE_URLS ?? "").split(",")[0]): Promise<{ token: string; addressIds: string[] }> {
  const headers = { "content-type": "application/json", "x-forwarded-for": `10.98.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}` };
  const email = `fuzz+${randomUUID().slice(0, 8)}@example.com`;
  const password = "correct horse battery staple";
  const call = async (method: string, path: string, body: unknown, extra: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}/api${path}`, { method, headers: { ...headers, ...extra }, body: JSON.stringify(body) });
    const json = await response.json();
    if (!response.ok) throw new Error(`fuzz account: ${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  await call("POST", "/store/customers", { email, password, first_name: "Fuzz", last_name: "Shopper" });
  const { access_token: token } = await call("POST", "/store/auth/token", { email, password });
  const { customer } = await call("POST", "/store/customers/me/addresses", { address: { first_name: "Fuzz", address_1: "Torstraße 1", city: "Berlin", postal_code: "10119", country_code: "de" } }, { authorization: `Bearer ${token}` });
  return { token, addressIds: customer.shipping_addresses.map((address: { id: string }) => address.id) };
}
