// The edge of the Store API: every route handler is `storeRoute(async ({ body, params, query }) => …)`.
// This turns the request into checked input, runs it once per Idempotency-Key, and turns the
// answer or a StoreError into JSON. Business rules live in lib/commerce, never here.
import { hashRequest, runIdempotently, type StoredResponse } from "../commerce/idempotency";
import { invalidData, StoreError } from "../commerce/errors";

export type RouteInput<P> = { request: Request; params: P; body: unknown; query: URLSearchParams };

type Handler<P> = (input: RouteInput<P>) => Promise<unknown>;

/** A handler may choose its status (e.g. 201, or 204 without a body) and headers (a session
 * cookie); a plain object answers 200. */
export class JsonAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

export type StoreRouteOptions = {
  /**
   * false for routes whose answers must not be stored or replayed: they set a session cookie,
   * carry a secret (a bearer token) or depend on who is signed in. Default true.
   */
  idempotent?: boolean;
};

const MAX_BODY_BYTES = 1_000_000;

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204) return new Response(null, { status, headers: { "cache-control": "no-store", ...headers } });
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

async function readBody(request: Request): Promise<{ text: string; body: unknown }> {
  if (request.method === "GET" || request.method === "HEAD") return { text: "", body: undefined };
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw invalidData("The request body is too large");
  if (text.trim() === "") return { text, body: {} };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidData("The request body is not valid JSON", "malformed_json");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidData("The request body must be a JSON object", "invalid_body");
  }
  return { text, body };
}

function errorResponse(error: unknown): Response {
  if (error instanceof StoreError) return json(error.status, error.toJSON());
  console.error("store api: unexpected error", error);
  return json(500, { type: "unknown_error", message: "An unexpected error occurred" });
}

async function answer<P>(handler: Handler<P>, input: RouteInput<P>): Promise<StoredResponse> {
  const result = await handler(input);
  return result instanceof JsonAnswer ? { status: result.status, body: result.body } : { status: 200, body: result };
}

export function storeRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  handler: Handler<P>,
  options: StoreRouteOptions = {},
) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = ((await context?.params) ?? {}) as P;
      const { text, body } = await readBody(request);
      const url = new URL(request.url);
      const input = { request, params, body, query: url.searchParams };
      const key = request.headers.get("idempotency-key")?.trim();
      if (options.idempotent === false) {
        const result = await handler(input);
        return result instanceof JsonAnswer ? json(result.status, result.body, result.headers) : json(200, result);
      }
      if (!key || request.method === "GET") {
        const result = await answer(handler, input);
        return json(result.status, result.body);
      }
      if (key.length > 255) throw invalidData("The Idempotency-Key header must be at most 255 characters");
      const scope = `${request.method} ${url.pathname}`;
      const result = await runIdempotently({ key, scope, requestHash: hashRequest(scope, text) }, () => answer(handler, input));
      return json(result.status, result.body, result.replayed ? { "idempotent-replayed": "true" } : {});
    } catch (error) {
      return errorResponse(error);
    }
  };
}
