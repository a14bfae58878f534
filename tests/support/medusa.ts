// The published medusa-js client against the first app instance (or another), and a helper to
// read a refusal the way a storefront does (axios error → status and JSON body).
import Medusa from "@medusajs/medusa-js";
import { STORE_URLS } from "./store-api";

export const medusaClient = (instance = 0) => new Medusa({ baseUrl: `${STORE_URLS[instance % STORE_URLS.length]}/api`, maxRetries: 0 });

export async function refusal(request: Promise<unknown>): Promise<{ status: number; body: any }> {
  try {
    await request;
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    if (response) return { status: response.status, body: response.data };
    throw error;
  }
  throw new Error("expected the request to be refused");
}
