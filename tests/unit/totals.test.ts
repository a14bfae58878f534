import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { allocateDiscount, applyBasisPoints, computeCartTotals } from "../../lib/commerce/totals";

describe("cart totals", () => {
  test("an empty cart costs nothing", () => {
    const totals = computeCartTotals({ taxRateBasisPoints: 2000, items: [], shippingMethods: [], discount: null });
    assert.deepEqual(
      [totals.subtotal, totals.shipping_total, totals.tax_total, totals.discount_total, totals.total],
      [0, 0, 0, 0, 0],
    );
  });

  test("subtotal, shipping and 20% tax on lines and shipping add up to the total", () => {
    const totals = computeCartTotals({
      taxRateBasisPoints: 2000,
      items: [
        { id: "a", unitPrice: 2500, quantity: 2 },
        { id: "b", unitPrice: 1900, quantity: 1 },
      ],
      shippingMethods: [{ id: "s", price: 495 }],
      discount: null,
    });
    assert.equal(totals.subtotal, 6900);
    assert.equal(totals.shipping_total, 495);
    assert.equal(totals.tax_total, 1000 + 380 + 99);
    assert.equal(totals.total, 6900 + 495 + 1479);
    assert.deepEqual(totals.items.a, { subtotal: 5000, discount_total: 0, tax_total: 1000, total: 6000 });
    assert.deepEqual(totals.shippingMethods.s, { price: 495, tax_total: 99, total: 594 });
  });

  test("tax is rounded per line, half up, so lines and total agree", () => {
    // 8.5% of 1999 = 169.915 → 170; of 1 = 0.085 → 0, per line rather than on the sum.
    const totals = computeCartTotals({
      taxRateBasisPoints: 850,
      items: [
        { id: "a", unitPrice: 1999, quantity: 1 },
        { id: "b", unitPrice: 1, quantity: 1 },
      ],
      shippingMethods: [],
      discount: null,
    });
    assert.equal(totals.items.a.tax_total, 170);
    assert.equal(totals.items.b.tax_total, 0);
    assert.equal(totals.tax_total, 170);
    assert.equal(totals.total, 2000 + 170);
  });

  test("a percentage discount reduces each line before tax", () => {
    const totals = computeCartTotals({
      taxRateBasisPoints: 2000,
      items: [{ id: "a", unitPrice: 2500, quantity: 2 }],
      shippingMethods: [{ id: "s", price: 0 }],
      discount: { type: "percentage", value: 10 },
    });
    assert.equal(totals.discount_total, 500);
    assert.equal(totals.tax_total, 900);
    assert.equal(totals.total, 5000 - 500 + 900);
  });

  test("a fixed discount never exceeds the subtotal and is split exactly over the lines", () => {
    const shares = allocateDiscount([1000, 1000, 1000], { type: "fixed", value: 100 });
    assert.deepEqual(shares, [34, 33, 33]);
    assert.equal(shares.reduce((sum, share) => sum + share, 0), 100);
    assert.deepEqual(allocateDiscount([300, 200], { type: "fixed", value: 10_000 }), [300, 200]);
    const totals = computeCartTotals({
      taxRateBasisPoints: 0,
      items: [{ id: "a", unitPrice: 300, quantity: 1 }],
      shippingMethods: [{ id: "s", price: 500 }],
      discount: { type: "fixed", value: 10_000 },
    });
    assert.equal(totals.total, 500, "shipping is still paid when the discount covers the items");
  });

  test("basis points round half up in integers", () => {
    assert.equal(applyBasisPoints(5, 1000), 1); // 0.5 → 1
    assert.equal(applyBasisPoints(4, 1000), 0); // 0.4 → 0
    assert.equal(applyBasisPoints(123_456_789, 2500), 30_864_197);
  });
});
