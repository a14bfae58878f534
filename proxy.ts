// CORS for the Store API, in one place: answers preflight requests and stamps the allowed
// origin on every /api/store answer (see lib/api/cors.ts for STORE_CORS).
import { NextResponse, type NextRequest } from "next/server";
import { corsHeaders, parseOriginRules, preflightHeaders } from "@/lib/api/cors";

const originRules = parseOriginRules();
const STORE_METHODS = new Set(["GET", "HEAD", "POST", "DELETE"]);

export function proxy(request: NextRequest) {
  if (request.method === "OPTIONS") {
    return new NextResponse(null, { status: 204, headers: preflightHeaders(request, originRules) });
  }
  if (!STORE_METHODS.has(request.method)) {
    return NextResponse.json(
      { type: "not_allowed", message: `The Store API does not answer ${request.method} requests`, code: "method_not_allowed" },
      { status: 405, headers: { allow: "GET, POST, DELETE, OPTIONS", ...corsHeaders(request.headers.get("origin"), originRules) } },
    );
  }
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(corsHeaders(request.headers.get("origin"), originRules))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = { matcher: ["/api/store/:path*"] };
