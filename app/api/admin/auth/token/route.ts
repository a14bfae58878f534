// POST /admin/auth/token: email and password → a bearer token (medusa-js admin.auth.getToken).
import { adminSignInRoute } from "@/lib/api/admin-route";
import { readCredentials } from "@/lib/api/admin-sign-in";
import { routeMethods } from "@/lib/api/store-route";
import { issueAdminToken } from "@/lib/users/admin-auth";

export const { GET, POST, DELETE } = routeMethods({
  POST: adminSignInRoute(async ({ body, request }) => {
    const { email, password } = readCredentials(body);
    return { access_token: await issueAdminToken(email, password, request.headers) };
  }),
});
