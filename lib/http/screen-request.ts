// What is refused before a request reaches Next.js, because Next.js cannot answer it with JSON:
//   - TRACE, TRACK, CONNECT and other methods no route uses: Next.js builds a fetch Request for
//     the proxy and route handlers, which refuses these methods, and answers a text/plain 500
//   - a path with a malformed percent escape (/api/store/regions/%zz): Next.js fails to decode the
//     dynamic segment and answers a text/plain 500
//   - a body larger than any route takes, by its declared Content-Length, and a body without one
//     (chunked): refused before a byte of it is read, so no route has to hold a body of unknown size
// Pure (method, url, headers in; an answer or null out), so it is tested without a server.
export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
/** The largest body any route accepts (the Stripe webhook's); routes enforce their own, smaller limits. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

export type ScreenAnswer = { status: number; headers: Record<string, string>; body: string };

type Headers = Record<string, string | string[] | undefined>;

function refusal(status: number, type: string, message: string, code: string, headers: Record<string, string> = {}): ScreenAnswer {
  return {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", connection: "close", ...headers },
    body: JSON.stringify({ type, message, code }),
  };
}

function hasMalformedEscape(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export function screenRequest(method: string | undefined, url: string | undefined, headers: Headers): ScreenAnswer | null {
  const verb = (method ?? "").toUpperCase();
  if (!ALLOWED_METHODS.includes(verb)) {
    return refusal(405, "not_allowed", `This server does not answer ${verb || "unnamed"} requests`, "method_not_allowed", {
      allow: ALLOWED_METHODS.join(", "),
    });
  }
  const path = (url ?? "/").split("?")[0];
  if (hasMalformedEscape(path)) {
    return refusal(400, "invalid_data", "The request path has a malformed percent escape", "malformed_url");
  }
  const declared = headers["content-length"];
  if (declared !== undefined && Number(declared) > MAX_REQUEST_BODY_BYTES) {
    return refusal(413, "payload_too_large", `The request body must be at most ${MAX_REQUEST_BODY_BYTES} bytes`, "payload_too_large");
  }
  if (headers["transfer-encoding"] !== undefined && declared === undefined) {
    return refusal(411, "invalid_data", "A request body must be sent with a Content-Length", "length_required");
  }
  return null;
}
