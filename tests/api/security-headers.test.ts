// The protective headers are on every kind of answer: pages, API answers (success and error),
// refusals made before Next.js, and static files; HSTS only when the request came over TLS.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { STORE_URLS } from "../support/store-api";

const base = STORE_URLS[0];

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function assertProtected(response: Response, what: string) {
  const csp = response.headers.get("content-security-policy");
  assert.ok(csp, `${what}: a Content-Security-Policy`);
  const policy = directives(csp);
  assert.deepEqual(policy.get("frame-ancestors"), ["'none'"], `${what}: cannot be framed`);
  assert.deepEqual(policy.get("object-src"), ["'none'"]);
  assert.deepEqual(policy.get("default-src"), ["'self'"]);
  for (const source of policy.get("script-src") ?? []) {
    assert.ok(["'self'", "'unsafe-inline'", "https://js.stripe.com", "https://*.js.stripe.com"].includes(source), `${what}: script source ${source}`);
  }
  assert.ok(policy.get("script-src")?.includes("https://js.stripe.com"), "Stripe.js may load");
  assert.ok(policy.get("frame-src")?.includes("https://js.stripe.com") && policy.get("frame-src")?.includes("https://hooks.stripe.com"), "Stripe's frames");
  assert.ok(policy.get("connect-src")?.includes("https://api.stripe.com"), "Stripe's API");
  for (const source of policy.get("connect-src") ?? []) {
    assert.ok(source === "'self'" || source === "https://api.stripe.com" || source === new URL(process.env.STRIPE_API_BASE ?? "http://none").origin, `${what}: connect source ${source}`);
  }
  assert.equal(response.headers.get("x-frame-options"), "DENY", what);
  assert.equal(response.headers.get("x-content-type-options"), "nosniff", what);
  assert.equal(response.headers.get("referrer-policy"), "strict-origin-when-cross-origin", what);
  assert.match(response.headers.get("permissions-policy") ?? "", /camera=\(\)/, what);
  assert.equal(response.headers.get("strict-transport-security"), null, `${what}: no HSTS over plain HTTP`);
}

describe("security headers", () => {
  for (const path of ["/", "/products/organic-cotton-tee", "/cart", "/checkout", "/no-such-page"]) {
    test(`the page ${path}`, async () => {
      const response = await fetch(`${base}${path}`);
      assert.ok(response.status === 200 || response.status === 404, `${path}: ${response.status}`);
      assertProtected(response, path);
    });
  }

  for (const path of ["/api/store/regions", "/api/store/carts/cart_01JZZZZZZZZZZZZZZZZZZZZZZZ", "/api/store/products?limit=-1", "/api/health", "/api/store/regions/%zz"]) {
    test(`the API answer ${path}`, async () => {
      const response = await fetch(`${base}${path}`);
      assertProtected(response, path);
      assert.match(response.headers.get("content-type") ?? "", /application\/json/);
    });
  }

  test("a static asset", async () => {
    const page = await (await fetch(`${base}/`)).text();
    const asset = page.match(/\/_next\/static\/[^"]+\.js/)?.[0];
    assert.ok(asset, "the page links a script");
    assertProtected(await fetch(`${base}${asset}`), asset);
  });

  test("HSTS is sent when the request came over TLS (a proxy in front says so)", async () => {
    const response = await fetch(`${base}/`, { headers: { "x-forwarded-proto": "https" } });
    assert.match(response.headers.get("strict-transport-security") ?? "", /max-age=\d{7,}/);
  });
});
