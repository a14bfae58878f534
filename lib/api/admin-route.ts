// The edge of the Admin API: the Store API's edge (store-route.ts: body parsing, errors → JSON,
// Idempotency-Key replays) behind authentication. A request without valid credentials is answered
// 401 before anything else runs, so a stored idempotent answer is never replayed to a stranger.
import { StoreError } from "../commerce/errors";
import type { OrderActor } from "../order-management/actor";
import { authenticateAdmin, type AdminCredentials } from "../users/admin-auth";
import { json, storeRoute, type RouteInput } from "./store-route";

export type AdminRouteInput<P> = RouteInput<P> & { credentials: AdminCredentials; actor: OrderActor };

const credentialsOfRequest = new WeakMap<Request, AdminCredentials>();

export const unauthorized = () => json(401, { type: "unauthorized", message: "Sign in to use the Admin API" });

export function errorJson(error: unknown): Response {
  if (error instanceof StoreError) return json(error.status, error.toJSON());
  console.error("admin api: unexpected error", error);
  return json(500, { type: "unknown_error", message: "An unexpected error occurred" });
}

export function adminRoute<P extends Record<string, string | string[]> = Record<string, never>>(
  handler: (input: AdminRouteInput<P>) => Promise<unknown>,
) {
  const inner = storeRoute<P>(async (input) => {
    const credentials = credentialsOfRequest.get(input.request)!;
    const actor: OrderActor = { type: "user", id: credentials.user.id, label: credentials.user.email };
    return handler({ ...input, credentials, actor });
  });
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    let credentials: AdminCredentials | null;
    try {
      credentials = await authenticateAdmin(request.headers);
    } catch (error) {
      return errorJson(error);
    }
    if (!credentials) return unauthorized();
    credentialsOfRequest.set(request, credentials);
    return inner(request, context);
  };
}
