import { z } from "zod";
import { invalidData } from "../commerce/errors";
import { ADMIN_SESSION_COOKIE } from "../users/admin-auth";

// Sign-in over HTTP: reading the credentials and the session cookie the back office holds.

const credentialsSchema = z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) });

/** The {email, password} body of a sign-in; read here as these routes answer with headers of their own. */
export async function readCredentials(request: Request) {
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw invalidData("The request body is not valid JSON", "malformed_json");
  }
  const parsed = credentialsSchema.safeParse(body);
  if (!parsed.success) throw invalidData("Send an email and a password", "invalid_credentials_body");
  return parsed.data;
}
// The back office's session cookie: httpOnly (scripts cannot read it), SameSite=Lax (other sites
// cannot send it with their POSTs), Secure when the store is served over https.

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const secure = new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  return `${ADMIN_SESSION_COOKIE}=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Lax; Expires=${expiresAt.toUTCString()}${secure ? "; Secure" : ""}`;
}

export const clearedSessionCookie = () => `${ADMIN_SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Expires=Thu, 01 Jan 1970 00:00:00 GMT`;
