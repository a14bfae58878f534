import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { amountUntilCheaperOption, meetsSubtotalRequirements } from "../../lib/commerce/shipping-requirements";

const standard = { amount: 495, minSubtotal: null, maxSubtotal: 5000 };
const free = { amount: 0, minSubtotal: 5000, maxSubtotal: null };
const express = { amount: 1495, minSubtotal: null, maxSubtotal: null };

describe("shipping option requirements", () => {
  test("min_subtotal holds when amount <= subtotal", () => {
    assert.equal(meetsSubtotalRequirements(free, 4999), false);
    assert.equal(meetsSubtotalRequirements(free, 5000), true);
    assert.equal(meetsSubtotalRequirements(free, 9000), true);
  });

  test("max_subtotal holds when amount > subtotal", () => {
    assert.equal(meetsSubtotalRequirements(standard, 4999), true);
    assert.equal(meetsSubtotalRequirements(standard, 5000), false);
  });

  test("an option without requirements is always available", () => {
    assert.equal(meetsSubtotalRequirements(express, 0), true);
  });

  test("paid and free standard shipping never overlap and never leave a gap", () => {
    for (const subtotal of [0, 1, 4999, 5000, 5001, 100_000]) {
      const available = [standard, free].filter((option) => meetsSubtotalRequirements(option, subtotal));
      assert.equal(available.length, 1, `exactly one standard option at ${subtotal}`);
    }
  });

  test("the free-shipping hint says how much is missing, and disappears once reached", () => {
    assert.deepEqual(amountUntilCheaperOption([standard, free, express], 3800), { amountMissing: 1200, optionAmount: 0 });
    assert.equal(amountUntilCheaperOption([standard, free, express], 5000), null);
    assert.equal(amountUntilCheaperOption([standard, express], 100), null);
  });
});
