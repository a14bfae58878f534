// POST /admin/auth/token: email and password → a bearer token (medusa-js admin.auth.getToken).
import { errorJson } from "@/lib/api/admin-route";
import { json } from "@/lib/api/store-route";
import { issueAccessToken } from "@/lib/auth/access-tokens";
import { clientAddressOf } from "@/lib/users/admin-auth";
import { signInWithPassword } from "@/lib/users/users";
import { readCredentials } from "@/lib/api/admin-sign-in";

export async function POST(request: Request): Promise<Response> {
  try {
    const { email, password } = await readCredentials(request);
    const user = await signInWithPassword(email, password, clientAddressOf(request.headers));
    return json(200, { access_token: await issueAccessToken("user", user.id) });
  } catch (error) {
    return errorJson(error);
  }
}
