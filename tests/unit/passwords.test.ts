import assert from "node:assert/strict";
import { test } from "node:test";
import { hashPassword, needsRehash, verifyPassword } from "../../lib/auth/passwords";

test("a password verifies against its own hash and no other", async () => {
  const hash = await hashPassword("correct horse battery staple");
  assert.match(hash, /^scrypt\$131072\$8\$1\$/);
  assert.equal(await verifyPassword("correct horse battery staple", hash), true);
  assert.equal(await verifyPassword("correct horse battery stapl", hash), false);
  assert.equal(await verifyPassword("", hash), false);
  assert.notEqual(await hashPassword("correct horse battery staple"), hash, "each hash has its own salt");
  assert.equal(needsRehash(hash), false);
});

test("no stored hash (unknown account) and malformed hashes verify false", async () => {
  assert.equal(await verifyPassword("anything", null), false);
  assert.equal(await verifyPassword("anything", "plain-text-password"), false);
  assert.equal(await verifyPassword("anything", "scrypt$x$8$1$c2FsdA$a2V5"), false);
  assert.equal(needsRehash("scrypt$16384$8$1$c2FsdA$a2V5"), true);
});

test("an over-long password is refused without hashing", async () => {
  await assert.rejects(hashPassword("x".repeat(1025)), RangeError);
  assert.equal(await verifyPassword("x".repeat(5000), await hashPassword("short")), false);
});
