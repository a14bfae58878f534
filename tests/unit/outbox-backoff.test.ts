import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { retryDelayMs } from "../../lib/events/backoff";

describe("retry backoff", () => {
  const settings = { baseMs: 1000, maxMs: 60_000 };

  test("doubles with each attempt, between half and all of the planned delay", () => {
    for (const [attempt, planned] of [[1, 1000], [2, 2000], [3, 4000], [6, 32_000]] as const) {
      assert.equal(retryDelayMs(attempt, settings, () => 0), planned / 2);
      assert.equal(retryDelayMs(attempt, settings, () => 1), planned);
      const jittered = retryDelayMs(attempt, settings);
      assert.ok(jittered >= planned / 2 && jittered <= planned, `${jittered} outside [${planned / 2}, ${planned}]`);
    }
  });

  test("never exceeds the cap, however many attempts", () => {
    assert.equal(retryDelayMs(7, settings, () => 1), 60_000);
    assert.equal(retryDelayMs(500, settings, () => 1), 60_000);
  });

  test("two instances failing together rarely retry at the same moment (jitter)", () => {
    const delays = new Set(Array.from({ length: 50 }, () => retryDelayMs(5, settings)));
    assert.ok(delays.size > 40);
  });
});
