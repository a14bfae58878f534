// Reading what a client sent, defensively: the body is refused before it is read whole when it is
// too large (declared or actual size, in bytes), JSON is only taken as application/json (a
// cross-origin form or text/plain POST needs no CORS preflight, so accepting it would let any page
// drive the API), and no text may carry NUL or other control characters (PostgreSQL refuses NUL in
// text with an error, logs and terminals misread the others). Free of Next.js: any route, the
// Admin API's and the webhook's included, uses the same functions.
import { invalidData, StoreError } from "../commerce/errors";

/** Store API bodies are carts, addresses and a little metadata: far below this. */
export const DEFAULT_MAX_BODY_BYTES = 256 * 1024;
/** Deeper than any body the API takes; deep enough nesting makes JSON.stringify throw RangeError. */
export const MAX_JSON_DEPTH = 32;

export const payloadTooLarge = (maxBytes: number) =>
  new StoreError("payload_too_large", `The request body must be at most ${maxBytes} bytes`, "payload_too_large");

const unsupportedMediaType = () =>
  new StoreError("unsupported_media_type", "The request body must be JSON sent as Content-Type: application/json", "unsupported_media_type");

/** C0 controls except tab, line feed and carriage return, and DEL. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** Half of a UTF-16 surrogate pair without its other half: not text, and not encodable as UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text a client sent is fit to store and show: no control characters, no lone UTF-16 surrogates. */
export function isCleanText(value: string): boolean {
  return !CONTROL_CHARACTERS.test(value) && !LONE_SURROGATE.test(value);
}

export function assertCleanText(value: string, where: string): void {
  if (!isCleanText(value)) throw invalidData(`${where} must not contain control characters`, "invalid_characters");
}

/** The media type without parameters, lower-cased: "application/json; charset=utf-8" → "application/json". */
function mediaType(request: Request): string | null {
  const header = request.headers.get("content-type");
  return header === null ? null : header.split(";")[0].trim().toLowerCase();
}

/**
 * The body's bytes, refused with 413 as soon as it is known to exceed maxBytes: from the declared
 * Content-Length before anything is read, else while streaming, so a huge body is never held.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw payloadTooLarge(maxBytes);
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalidData("The request body is not valid UTF-8", "invalid_encoding");
  }
}

/**
 * Walks a parsed JSON value without recursion and refuses it when it nests deeper than maxDepth or
 * any key or string holds control characters; names the first offending path.
 */
export function assertSafeJson(value: unknown, maxDepth = MAX_JSON_DEPTH, root = "body"): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      assertCleanText(item.value, item.path);
      continue;
    }
    if (typeof item.value !== "object" || item.value === null) continue;
    if (item.depth >= maxDepth) throw invalidData(`${root} nests deeper than ${maxDepth} levels`, "too_deep");
    const entries = Array.isArray(item.value) ? item.value.map((entry, index) => [String(index), entry] as const) : Object.entries(item.value);
    for (const [key, entry] of entries) {
      const path = `${item.path}.${key}`;
      if (!Array.isArray(item.value)) assertCleanText(key, `${item.path}: a field name`);
      stack.push({ value: entry, path, depth: item.depth + 1 });
    }
  }
}

/** Whether a parsed JSON value nests deeper than maxDepth (checked without recursion). */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (typeof item !== "object" || item === null) continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

export type JsonBody = { text: string; body: Record<string, unknown> };

/**
 * The request's JSON object body, checked as described above. An empty body (no bytes) is `{}`,
 * as clients send no body for actions such as completing a cart; GET and HEAD have none.
 */
export async function readJsonBody(request: Request, options: { maxBytes?: number } = {}): Promise<JsonBody> {
  if (request.method === "GET" || request.method === "HEAD") return { text: "", body: {} };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BODY_BYTES;
  const type = mediaType(request);
  // A non-JSON media type is refused even without a body: such a request needs no preflight.
  if (type !== null && type !== "application/json") throw unsupportedMediaType();
  const bytes = await readBodyBytes(request, maxBytes);
  if (bytes.byteLength === 0) return { text: "", body: {} };
  if (type === null) throw unsupportedMediaType();
  const text = decodeUtf8(bytes);
  if (text.trim() === "") return { text, body: {} };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw invalidData("The request body is not valid JSON", "malformed_json");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidData("The request body must be a JSON object", "invalid_body");
  }
  assertSafeJson(body);
  return { text, body: body as Record<string, unknown> };
}

/** Path parameters and the query string: text like any other. */
export function assertCleanRequestText(params: Record<string, string | string[]>, query: URLSearchParams): void {
  for (const [name, value] of Object.entries(params)) {
    for (const part of Array.isArray(value) ? value : [value]) assertCleanText(part, `The path parameter ${name}`);
  }
  for (const [name, value] of query) {
    assertCleanText(name, "A query parameter name");
    assertCleanText(value, `The query parameter ${name}`);
  }
}
