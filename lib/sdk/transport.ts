// One HTTP call to the Store API: JSON in and out, an Idempotency-Key on every write (kept the
// same across this call's own retries), and failures turned into StoreApiError.
import { StoreApiError } from "./store-api-error";

export type Query = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export type RequestOptions = {
  /** Reuse a key across separate calls, e.g. every click of one "Place order" attempt. */
  idempotencyKey?: string;
  signal?: AbortSignal;
};

export type TransportConfig = {
  /** Where `/store/...` lives: "/api" in the browser, an absolute URL on the server. */
  baseUrl: string;
  /** Retries after no answer, 409 (a request with the same key still running) and 502–504. */
  maxRetries?: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
};

export type Transport = <T>(method: "GET" | "POST" | "DELETE", path: string, init?: { body?: unknown; query?: Query } & RequestOptions) => Promise<T>;

const RETRYABLE_STATUSES = new Set([409, 502, 503, 504]);

function queryString(query: Query | undefined): string {
  if (!query) return "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(`${name}[]`, item));
    else params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function newIdempotencyKey(): string {
  if (typeof globalThis.crypto.randomUUID === "function") return globalThis.crypto.randomUUID();
  // randomUUID exists only in secure contexts (https, localhost); a store opened over plain http
  // on a LAN address still gets a version-4 UUID from getRandomValues.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function errorFrom(response: Response): Promise<StoreApiError> {
  let body: { type?: unknown; message?: unknown; code?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON (a proxy's error page): the status says enough.
  }
  return new StoreApiError({
    status: response.status,
    type: typeof body.type === "string" ? body.type : "unknown_error",
    message: typeof body.message === "string" ? body.message : `The store answered ${response.status} ${response.statusText}`.trim(),
    code: typeof body.code === "string" ? body.code : undefined,
  });
}

export function createTransport(config: TransportConfig): Transport {
  const maxRetries = config.maxRetries ?? 3;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const doFetch = config.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  return async function request<T>(method: "GET" | "POST" | "DELETE", path: string, init: { body?: unknown; query?: Query } & RequestOptions = {}) {
    const url = `${baseUrl}${path}${queryString(init.query)}`;
    const isWrite = method !== "GET";
    const headers: Record<string, string> = { accept: "application/json", ...config.headers };
    if (isWrite) {
      headers["content-type"] = "application/json";
      headers["idempotency-key"] = init.idempotencyKey ?? newIdempotencyKey();
    }
    const body = isWrite ? JSON.stringify(init.body ?? {}) : undefined;

    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await doFetch(url, { method, headers, body, signal: init.signal, cache: "no-store", credentials: "same-origin" });
      } catch (cause) {
        if (init.signal?.aborted) throw cause;
        if (attempt < maxRetries) {
          await wait(250 * 2 ** attempt);
          continue;
        }
        throw new StoreApiError({ status: 0, type: "network_error", message: "The store could not be reached. Check your connection and try again." });
      }
      // 204 (e.g. a password reset request) has no body to read.
      if (response.status === 204) return undefined as T;
      if (response.ok) return (await response.json()) as T;
      if (RETRYABLE_STATUSES.has(response.status) && attempt < maxRetries) {
        await wait(250 * 2 ** attempt);
        continue;
      }
      throw await errorFrom(response);
    }
  };
}
