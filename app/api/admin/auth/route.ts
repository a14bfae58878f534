// POST /admin/auth signs in (a session cookie), GET tells who is signed in, DELETE signs out.
import { adminRoute, adminSignInRoute } from "@/lib/api/admin-route";
import { clearedSessionCookie, readCredentials, sessionCookie } from "@/lib/api/admin-sign-in";
import { JsonAnswer, routeMethods } from "@/lib/api/store-route";
import { endAdminSessionOf, startAdminSession } from "@/lib/users/admin-auth";
import { serializeUser } from "@/lib/users/users";

export const { GET, POST, DELETE } = routeMethods({
  POST: adminSignInRoute(async ({ body, request }) => {
    const { email, password } = readCredentials(body);
    const { user, session } = await startAdminSession(email, password, request.headers);
    return new JsonAnswer(200, { user }, { "set-cookie": sessionCookie(request, session.token, session.expiresAt) });
  }),
  GET: adminRoute(async ({ credentials }) => ({ user: serializeUser(credentials.user) })),
  DELETE: adminRoute(async ({ credentials, request }) => {
    await endAdminSessionOf(credentials);
    return new JsonAnswer(200, {}, { "set-cookie": clearedSessionCookie(request) });
  }),
});
