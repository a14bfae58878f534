// The edge of the JSON APIs: every route handler is `storeRoute(async ({ body, params, query }) => …)`
// (or another API's wrapper built on `apiRoute`). This turns the request into checked input (see
// request-body.ts: sizes in bytes, JSON only as application/json, no control characters, bounded
// nesting), runs it once per Idempotency-Key, and turns the answer or an error into JSON:
//   StoreError            its status and {type, message, code}
//   a database conflict   409 after the transaction was retried (lib/db/client.ts)
//   database unavailable  503 with Retry-After
//   anything else         500, logged: a bug
// Business rules live in lib/commerce, never here.
import { hashRequest, runIdempotently, type StoredResponse } from "../commerce/idempotency";
import { databaseUnavailable, invalidData, StoreError, transactionConflict } from "../commerce/errors";
import { classifyDatabaseError } from "../db/database-errors";
import { assertCleanRequestText, assertCleanText, DEFAULT_MAX_BODY_BYTES, readJsonBody } from "./request-body";

export type RouteInput<P> = { request: Request; params: P; body: Record<string, unknown>; query: URLSearchParams };

export type Handler<P> = (input: RouteInput<P>) => Promise<unknown> | unknown;

export type RouteParams = Record<string, string | string[]>;

/** What Next.js calls for one method of a route. */
export type RouteHandler<P extends RouteParams = RouteParams> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/**
 * A handler may choose its status (e.g. 201, or 204 without a body) and, on a route that is not
 * idempotent, headers (a session cookie); a plain object answers 200.
 */
export class JsonAnswer {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

export type EdgeOptions = {
  /** Largest body accepted, in bytes (default 256 KiB). */
  maxBodyBytes?: number;
  /** POST/DELETE with an Idempotency-Key header run once per key (the Store API's behaviour). */
  idempotent?: boolean;
  /** Names the API in the log line of an unexpected error. */
  label?: string;
};

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  if (status === 204) return new Response(null, { status, headers: { "cache-control": "no-store", ...headers } });
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

/** The StoreError an error stands for, or null for a bug. */
export function asStoreError(error: unknown): StoreError | null {
  if (error instanceof StoreError) return error;
  switch (classifyDatabaseError(error)) {
    case "conflict":
    case "vanished":
      return transactionConflict();
    case "unavailable":
      return databaseUnavailable();
    case "bad_input":
      return invalidData("The database refused a value in the request", "invalid_value");
    default:
      return null;
  }
}

export function errorResponse(error: unknown, label = "api"): Response {
  const known = asStoreError(error);
  if (known) {
    if (!(error instanceof StoreError)) console.warn(`${label}: ${known.code}:`, error instanceof Error ? error.message.split("\n")[0] : error);
    return json(known.status, known.toJSON(), known.headers);
  }
  console.error(`${label}: unexpected error`, error);
  return json(500, { type: "unknown_error", message: "An unexpected error occurred" });
}

async function answer<P>(handler: Handler<P>, input: RouteInput<P>): Promise<StoredResponse & { headers?: Record<string, string> }> {
  const result = await handler(input);
  return result instanceof JsonAnswer ? { status: result.status, body: result.body, headers: result.headers } : { status: 200, body: result };
}

/** The edge as a function: any JSON API (Store, Admin, customer) wraps its handlers with it. */
export function apiRoute<P extends RouteParams = Record<string, never>>(handler: Handler<P>, options: EdgeOptions = {}): RouteHandler<P> {
  const { maxBodyBytes = DEFAULT_MAX_BODY_BYTES, idempotent = false, label = "api" } = options;
  return async (request, context) => {
    try {
      const params = ((await context?.params) ?? {}) as P;
      const url = new URL(request.url);
      assertCleanRequestText(params, url.searchParams);
      const { text, body } = await readJsonBody(request, { maxBytes: maxBodyBytes });
      const input = { request, params, body, query: url.searchParams };
      const key = request.headers.get("idempotency-key")?.trim();
      if (!idempotent || !key || request.method === "GET" || request.method === "HEAD") {
        const result = await answer(handler, input);
        // Headers (Set-Cookie) only here: a stored answer replayed for a retry carries none.
        return json(result.status, result.body, result.headers);
      }
      if (key.length > 255) throw invalidData("The Idempotency-Key header must be at most 255 characters");
      assertCleanText(key, "The Idempotency-Key header");
      const scope = `${request.method} ${url.pathname}`;
      const result = await runIdempotently({ key, scope, requestHash: hashRequest(scope, text) }, () => answer(handler, input));
      return json(result.status, result.body, result.replayed ? { "idempotent-replayed": "true" } : {});
    } catch (error) {
      return errorResponse(error, label);
    }
  };
}

export function storeRoute<P extends RouteParams = Record<string, never>>(handler: Handler<P>): RouteHandler<P> {
  return apiRoute(handler, { idempotent: true, label: "store api" });
}

const ROUTE_METHODS = ["GET", "POST", "DELETE"] as const;
type RouteMethod = (typeof ROUTE_METHODS)[number];

/**
 * A route's handlers for every method the APIs use, the missing ones answering 405 JSON with
 * Allow (Next.js would answer an empty 405 without it):
 *   export const { GET, POST, DELETE } = routeMethods({ GET: storeRoute(…), POST: storeRoute(…) });
 */
export function routeMethods<P extends RouteParams>(handlers: Partial<Record<RouteMethod, RouteHandler<P>>>): Record<RouteMethod, RouteHandler<P>> {
  const allowed = ROUTE_METHODS.filter((method) => handlers[method]);
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"].join(", ");
  const notAllowed: RouteHandler<P> = async (request) =>
    json(
      405,
      { type: "not_allowed", message: `${new URL(request.url).pathname} does not answer ${request.method} requests`, code: "method_not_allowed" },
      { allow },
    );
  return Object.fromEntries(ROUTE_METHODS.map((method) => [method, handlers[method] ?? notAllowed])) as Record<RouteMethod, RouteHandler<P>>;
}
