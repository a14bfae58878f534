// The edge of the Admin API: the shared JSON edge (store-route.ts's apiRoute: body checks, errors →
// JSON, Idempotency-Key replays) behind authentication. A request without valid credentials is
// answered 401 before anything else runs, so a stored idempotent answer is never replayed to a
// stranger who repeats a key.
import { unauthorized } from "../commerce/errors";
import type { OrderActor } from "../order-management/actor";
import { authenticateAdmin, type AdminCredentials } from "../users/admin-auth";
import { apiRoute, errorResponse, type Handler, type RouteHandler, type RouteInput, type RouteParams } from "./store-route";

export type AdminRouteInput<P> = RouteInput<P> & { credentials: AdminCredentials; actor: OrderActor };

const credentialsOfRequest = new WeakMap<Request, AdminCredentials>();

const LABEL = "admin api";

export function adminRoute<P extends RouteParams = Record<string, never>>(handler: (input: AdminRouteInput<P>) => Promise<unknown>): RouteHandler<P> {
  const inner = apiRoute<P>(
    async (input) => {
      const credentials = credentialsOfRequest.get(input.request)!;
      const actor: OrderActor = { type: "user", id: credentials.user.id, label: credentials.user.email };
      return handler({ ...input, credentials, actor });
    },
    { idempotent: true, label: LABEL },
  );
  return async (request, context) => {
    try {
      const credentials = await authenticateAdmin(request.headers);
      if (!credentials) throw unauthorized("Sign in to use the Admin API");
      credentialsOfRequest.set(request, credentials);
    } catch (error) {
      return errorResponse(error, LABEL);
    }
    return inner(request, context);
  };
}

/** Sign-in routes: no credentials needed, never replayed (their answers set a cookie or carry a token). */
export function adminSignInRoute(handler: Handler<Record<string, never>>): RouteHandler<Record<string, never>> {
  return apiRoute(handler, { idempotent: false, label: LABEL });
}
