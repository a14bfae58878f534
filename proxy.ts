// CORS for the Store API, in one place: answers preflight requests and stamps the allowed
// origin on every /api/store answer (see lib/api/cors.ts for STORE_CORS).
import { NextResponse, type NextRequest } from "next/server";
import { corsHeaders, parseOriginRules, preflightHeaders } from "@/lib/api/cors";

const originRules = parseOriginRules();

export function proxy(request: NextRequest) {
  if (request.method === "OPTIONS") {
    return new NextResponse(null, { status: 204, headers: preflightHeaders(request, originRules) });
  }
  const response = NextResponse.next();
  for (const [name, value] of Object.entries(corsHeaders(request.headers.get("origin"), originRules))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = { matcher: ["/api/store/:path*"] };
