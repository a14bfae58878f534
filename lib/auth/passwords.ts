// Password hashing with scrypt (Node's crypto), at the parameters OWASP recommends for scrypt:
// N = 2^17, r = 8, p = 1 (128 MiB and a few hundred milliseconds per hash, which is the point).
// A stored hash names its parameters, so they can be raised later and old hashes still verify;
// `needsRehash` tells the sign-in code to store a fresh hash at the new cost.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

const COST = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_BYTES = 64;
const SALT_BYTES = 16;
const MAX_PASSWORD_CHARACTERS = 1024;

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  const scryptOptions: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_BYTES, scryptOptions, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** "scrypt$N$r$p$salt$key", salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  if (password.length > MAX_PASSWORD_CHARACTERS) throw new RangeError("password too long");
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

function parseHash(stored: string) {
  const [scheme, N, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return null;
  const cost = { N: Number(N), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger)) return null;
  return { cost, salt: Buffer.from(salt, "base64url"), key: Buffer.from(key, "base64url") };
}

// Verifying against this when there is no such account costs the same time as a real check, so a
// sign-in answer's timing does not tell whether an email has an account.
let dummyHash: Promise<string> | undefined;

/** True when `password` matches `stored`; with `stored` null, spends the same time and says false. */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (password.length > MAX_PASSWORD_CHARACTERS) return false;
  const parsed = parseHash(stored ?? (await (dummyHash ??= hashPassword("not-a-password"))));
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return stored !== null && key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** True when a hash was made at another cost than today's and should be replaced after a sign-in. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.cost.N !== COST.N || parsed.cost.r !== COST.r || parsed.cost.p !== COST.p;
}
