// POST /admin/auth signs in (a session cookie), GET tells who is signed in, DELETE signs out.
import { adminRoute, errorJson } from "@/lib/api/admin-route";
import { json } from "@/lib/api/store-route";
import { createSession, revokeSession } from "@/lib/auth/sessions";
import { clientAddressOf } from "@/lib/users/admin-auth";
import { serializeUser, signInWithPassword } from "@/lib/users/users";
import { readCredentials } from "@/lib/api/admin-sign-in";
import { clearedSessionCookie, sessionCookie } from "@/lib/api/admin-sign-in";

export async function POST(request: Request): Promise<Response> {
  try {
    const { email, password } = await readCredentials(request);
    const user = await signInWithPassword(email, password, clientAddressOf(request.headers));
    const session = await createSession("user", user.id);
    return json(200, { user: serializeUser(user) }, { "set-cookie": sessionCookie(request, session.token, session.expiresAt) });
  } catch (error) {
    return errorJson(error);
  }
}

export const GET = adminRoute(async ({ credentials }) => ({ user: serializeUser(credentials.user) }));

const signOut = adminRoute(async ({ credentials }) => {
  if (credentials.sessionId) await revokeSession(credentials.sessionId);
  return {};
});

export async function DELETE(request: Request, context: { params: Promise<Record<string, never>> }): Promise<Response> {
  const response = await signOut(request, context);
  response.headers.append("set-cookie", clearedSessionCookie());
  return response;
}
