// What the front server compresses (lib/http/compression-policy.ts): the pages and scripts a
// browser downloads, when the browser accepts gzip or Brotli; never the small JSON answers of the APIs,
// which go out whole.
import assert from "node:assert/strict";
import http from "node:http";
import { describe, test } from "node:test";
import zlib from "node:zlib";
import { STORE_URLS } from "../support/store-api";

const base = STORE_URLS[0];

function decoded(answer: RawAnswer): Buffer {
  const encoding = answer.headers["content-encoding"];
  if (encoding === "br") return zlib.brotliDecompressSync(answer.body);
  if (encoding === "gzip") return zlib.gunzipSync(answer.body);
  assert.fail(`an encoding the browser asked for, not ${encoding}`);
}

type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request whose Accept-Encoding is exactly what the test says (fetch always sends its own). */
function rawRequest(path: string, options: { method?: string; acceptEncoding?: string; json?: unknown } = {}): Promise<RawAnswer> {
  const body = options.json === undefined ? undefined : JSON.stringify(options.json);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}${path}`,
      {
        method: options.method ?? "GET",
        headers: {
          ...(options.acceptEncoding ? { "accept-encoding": options.acceptEncoding } : {}),
          ...(body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

describe("compression", () => {
  test("a page is sent compressed to a browser that accepts it, and plain to one that does not", async () => {
    const compressed = await rawRequest("/", { acceptEncoding: "gzip, deflate, br" });
    assert.equal(compressed.status, 200);
    assert.match(decoded(compressed).toString("utf8"), /<html/i);
    const gzipOnly = await rawRequest("/", { acceptEncoding: "gzip" });
    assert.equal(gzipOnly.headers["content-encoding"], "gzip");
    assert.match(decoded(gzipOnly).toString("utf8"), /<html/i);

    const plain = await rawRequest("/");
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.match(plain.body.toString("utf8"), /<html/i);
    assert.ok(compressed.body.length < plain.body.length / 2, `gzip ${compressed.body.length} bytes against ${plain.body.length}`);
  });

  test("a script is sent gzip-compressed", async () => {
    const page = (await rawRequest("/")).body.toString("utf8");
    const script = page.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    assert.ok(script, "the page links a script");
    const answer = await rawRequest(script, { acceptEncoding: "gzip" });
    assert.equal(answer.status, 200);
    assert.equal(answer.headers["content-encoding"], "gzip");
    assert.ok(decoded(answer).length > answer.body.length);
  });

  test("Store API answers are plain JSON even when gzip is accepted, reads and changes alike", async () => {
    const regions = await rawRequest("/api/store/regions", { acceptEncoding: "gzip, deflate, br" });
    assert.equal(regions.status, 200);
    assert.equal(regions.headers["content-encoding"], undefined);
    assert.ok(Array.isArray(JSON.parse(regions.body.toString("utf8")).regions));

    const created = await rawRequest("/api/store/carts", { method: "POST", acceptEncoding: "gzip", json: {} });
    assert.equal(created.status, 200);
    assert.equal(created.headers["content-encoding"], undefined);
    assert.match(JSON.parse(created.body.toString("utf8")).cart.id, /^cart_/);

    const refused = await rawRequest("/api/store/carts/cart_01JZZZZZZZZZZZZZZZZZZZZZZZ", { acceptEncoding: "gzip" });
    assert.equal(refused.status, 404);
    assert.equal(refused.headers["content-encoding"], undefined);
    assert.equal(JSON.parse(refused.body.toString("utf8")).type, "not_found");
  });
});
