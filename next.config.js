// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "pg", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "stripe", "nodemailer"],
  // A separate build folder lets the test run build once without touching a developer's .next.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // The front server compresses (scripts/serve.ts, lib/http/compression-policy.ts): small API
  // answers are not worth the CPU. `next dev` serves uncompressed.
  compress: false,
  // `next dev` opened at 127.0.0.1 (as the tests and many developers do) keeps hot reload working.
  allowedDevOrigins: ["127.0.0.1"],
};

export default nextConfig;
