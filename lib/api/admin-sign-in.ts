// Sign-in over HTTP: the credentials body and the session cookie the back office holds:
// httpOnly (scripts cannot read it), SameSite=Lax (other sites cannot send it with their POSTs),
// Secure behind TLS.
import { z } from "zod";
import { ADMIN_SESSION_COOKIE } from "../users/admin-auth";
import { parseWith } from "./validation";

export const credentialsSchema = z.strictObject({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });

export const readCredentials = (body: unknown) => parseWith(credentialsSchema, body);

function isHttps(request: Request): boolean {
  const forwarded = request.headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

export function sessionCookie(request: Request, token: string, expiresAt: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [`${ADMIN_SESSION_COOKIE}=${encodeURIComponent(token)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAge}`, ...(isHttps(request) ? ["Secure"] : [])].join("; ");
}

export function clearedSessionCookie(request: Request): string {
  return [`${ADMIN_SESSION_COOKIE}=`, "Path=/", "HttpOnly", "SameSite=Lax", "Max-Age=0", ...(isHttps(request) ? ["Secure"] : [])].join("; ");
}
