// The money rules: examples a shopper could check by hand, then properties over thousands of
// random carts (fast-check): nothing lost or invented by rounding, tax-inclusive prices stay what
// was shown, no total below zero.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  allocateDiscount,
  applyBasisPoints,
  computeCartTotals,
  includedTax,
  splitByWeights,
  type DiscountRule,
  type TaxLine,
  type TotalsInput,
  type TotalsItem,
} from "../../lib/commerce/totals";

const VAT_DE: TaxLine = { rate: 1900, name: "VAT", code: "DE" };
const VAT_SE: TaxLine = { rate: 2500, name: "VAT", code: "SE" };
const NY: TaxLine = { rate: 400, name: "Sales tax", code: "US-NY" };

const item = (id: string, unitPrice: number, quantity: number, taxLine: TaxLine, includesTax: boolean, discountable = true): TotalsItem => ({
  id, unitPrice, quantity, includesTax, taxLines: [taxLine], discountable,
});
const cart = (overrides: Partial<TotalsInput>): TotalsInput => ({ items: [], shippingMethods: [], discount: null, giftCards: [], ...overrides });

describe("cart totals: examples", () => {
  test("an empty cart costs nothing", () => {
    const totals = computeCartTotals(cart({}));
    assert.deepEqual([totals.subtotal, totals.shipping_total, totals.tax_total, totals.discount_total, totals.total], [0, 0, 0, 0, 0]);
  });

  test("tax added on top (US, New York 4 %): per line, half up, lines and total agree", () => {
    const totals = computeCartTotals(cart({
      items: [item("a", 1999, 1, NY, false), item("b", 2900, 2, NY, false)],
      shippingMethods: [{ id: "s", price: 595, includesTax: false, taxLines: [NY] }],
    }));
    assert.equal(totals.items.a.tax_total, 80); // 79.96
    assert.equal(totals.items.b.tax_total, 232);
    assert.equal(totals.shippingMethods.s.tax_total, 24); // 23.8
    assert.equal(totals.subtotal, 1999 + 5800);
    assert.equal(totals.tax_total, 80 + 232 + 24);
    assert.equal(totals.total, 1999 + 5800 + 595 + 336);
    assert.deepEqual(totals.summary, { items: 7799, discount: 0, shipping: 595, tax_added: 336, tax_included: 0, gift_card: 0, total: 8730 });
  });

  test("tax-inclusive (Germany 19 %): the shown €25.00 is paid and contains €3.99 VAT", () => {
    const totals = computeCartTotals(cart({ items: [item("a", 2500, 1, VAT_DE, true)] }));
    assert.equal(totals.total, 2500);
    assert.equal(totals.tax_total, 399); // 2500 × 19/119 = 399.16
    assert.equal(totals.items.a.subtotal, 2101, "Medusa v1: the subtotal of an inclusive line is without its tax");
    assert.equal(totals.items.a.original_total, 2500);
    assert.deepEqual(totals.taxBreakdown, [{ ...VAT_DE, amount: 399 }]);
  });

  test("tax-inclusive: another country changes the tax inside the price, never the price", () => {
    const german = computeCartTotals(cart({ items: [item("a", 2500, 2, VAT_DE, true)] }));
    const swedish = computeCartTotals(cart({ items: [item("a", 2500, 2, VAT_SE, true)] }));
    assert.equal(german.total, 5000);
    assert.equal(swedish.total, 5000);
    assert.equal(german.tax_total, 798);
    assert.equal(swedish.tax_total, 1000);
  });

  test("a percentage discount comes off the shown price before the tax is extracted", () => {
    const totals = computeCartTotals(cart({ items: [item("a", 2500, 2, VAT_DE, true)], discount: { type: "percentage", value: 10 } }));
    assert.equal(totals.total, 4500);
    assert.equal(totals.tax_total, 718); // 4500 × 19/119 = 718.49
    assert.equal(totals.summary.discount, 500);
    assert.equal(totals.subtotal - totals.discount_total + totals.tax_total, totals.total);
  });

  test("a percentage discount before tax added on top", () => {
    const totals = computeCartTotals(cart({ items: [item("a", 2500, 2, NY, false)], discount: { type: "percentage", value: 10 } }));
    assert.equal(totals.discount_total, 500);
    assert.equal(totals.tax_total, 180);
    assert.equal(totals.total, 4500 + 180);
  });

  test("a fixed discount is split exactly and never exceeds what it may discount", () => {
    assert.deepEqual(allocateDiscount([1000, 1000, 1000], { type: "fixed", value: 100 }), [34, 33, 33]);
    assert.deepEqual(allocateDiscount([300, 200], { type: "fixed", value: 10_000 }), [300, 200]);
    assert.deepEqual(allocateDiscount([300, 200], { type: "fixed", value: 100 }, [false, true]), [0, 100]);
    const totals = computeCartTotals(cart({
      items: [item("a", 300, 1, NY, false)],
      shippingMethods: [{ id: "s", price: 500, includesTax: false, taxLines: [NY] }],
      discount: { type: "fixed", value: 10_000 },
    }));
    assert.equal(totals.total, 500 + 20, "shipping (and its tax) is still paid when the discount covers the items");
  });

  test("free shipping takes the shipping price and its tax off, nothing else", () => {
    const totals = computeCartTotals(cart({
      items: [item("a", 2500, 1, VAT_DE, true)],
      shippingMethods: [{ id: "s", price: 495, includesTax: true, taxLines: [VAT_DE] }],
      discount: { type: "free_shipping", value: 0 },
    }));
    assert.equal(totals.total, 2500);
    assert.equal(totals.shippingMethods.s.total, 0);
    assert.equal(totals.summary.discount, 495);
  });

  test("gift cards pay after discount and tax, first applied first, never below zero", () => {
    const totals = computeCartTotals(cart({
      items: [item("a", 2900, 1, NY, false)],
      giftCards: [{ id: "g1", code: "A", balance: 1000 }, { id: "g2", code: "B", balance: 5000 }],
    }));
    assert.equal(totals.tax_total, 116);
    assert.equal(totals.gift_card_total, 3016);
    assert.equal(totals.total, 0);
    assert.deepEqual(totals.giftCards.map((card) => card.amount), [1000, 2016]);
  });

  test("a shipping-only rate (California does not tax separately stated shipping)", () => {
    const ca: TaxLine = { rate: 725, name: "Sales tax", code: "US-CA" };
    const totals = computeCartTotals(cart({
      items: [item("a", 10_000, 1, ca, false)],
      shippingMethods: [{ id: "s", price: 595, includesTax: false, taxLines: [{ rate: 0, name: "Sales tax (shipping exempt)", code: "US-CA" }] }],
    }));
    assert.equal(totals.tax_total, 725);
    assert.equal(totals.total, 10_000 + 595 + 725);
  });

  test("rounding helpers are exact integer half-up", () => {
    assert.equal(applyBasisPoints(5, 1000), 1); // 0.5 → 1
    assert.equal(applyBasisPoints(4, 1000), 0);
    assert.equal(applyBasisPoints(123_456_789, 2500), 30_864_197);
    assert.equal(includedTax(119, 1900), 19);
    assert.equal(includedTax(2500, 2500), 500);
    assert.deepEqual(splitByWeights(10, [1, 1, 1]), [4, 3, 3]);
    assert.deepEqual(splitByWeights(0, [1, 2]), [0, 0]);
  });
});

// ---- properties over random carts ----

const taxLineArb = fc.record({
  rate: fc.oneof(fc.constantFrom(0, 400, 725, 1900, 2000, 2100, 2200, 2500), fc.integer({ min: 0, max: 5000 })),
  name: fc.constantFrom("VAT", "Sales tax", "Reduced"),
  code: fc.constantFrom(null, "DE", "US-NY"),
});
const itemArb = (index: number) =>
  fc.record({
    unitPrice: fc.integer({ min: 0, max: 500_000 }),
    quantity: fc.integer({ min: 1, max: 50 }),
    includesTax: fc.boolean(),
    taxLines: fc.array(taxLineArb, { minLength: 0, maxLength: 3 }),
    discountable: fc.boolean(),
  }).map((fields) => ({ id: `item_${index}`, ...fields }));
const discountArb: fc.Arbitrary<DiscountRule | null> = fc.oneof(
  fc.constant(null),
  fc.record({ type: fc.constant("percentage" as const), value: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ type: fc.constant("fixed" as const), value: fc.integer({ min: 0, max: 1_000_000 }) }),
  fc.record({ type: fc.constant("free_shipping" as const), value: fc.constant(0) }),
);
const cartArb: fc.Arbitrary<TotalsInput> = fc.record({
  items: fc.integer({ min: 0, max: 8 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => itemArb(index)))),
  shippingMethods: fc.array(
    fc.record({ price: fc.integer({ min: 0, max: 5000 }), includesTax: fc.boolean(), taxLines: fc.array(taxLineArb, { maxLength: 2 }) }),
    { maxLength: 2 },
  ).map((methods) => methods.map((method, index) => ({ id: `sm_${index}`, ...method }))),
  discount: discountArb,
  giftCards: fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 3 }).map((balances) =>
    balances.map((balance, index) => ({ id: `gc_${index}`, code: `CARD${index}`, balance })),
  ),
});

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const RUNS = { numRuns: 5_000 };

describe("cart totals: properties over random carts", () => {
  test("every line, every method and the cart: total = subtotal − discount + tax; the parts add up to the whole", () => {
    fc.assert(
      fc.property(cartArb, (input) => {
        const totals = computeCartTotals(input);
        for (const line of [...Object.values(totals.items), ...Object.values(totals.shippingMethods)]) {
          assert.equal(line.subtotal - line.discount_total + line.tax_total, line.total);
          assert.equal(sum(line.tax_amounts), line.tax_total, "tax lines share the line's tax exactly");
          assert.ok(line.subtotal >= 0 && line.discount_total >= 0 && line.tax_total >= 0 && line.total >= 0);
        }
        const lines = Object.values(totals.items);
        const methods = Object.values(totals.shippingMethods);
        assert.equal(totals.subtotal, sum(lines.map((line) => line.subtotal)));
        assert.equal(totals.shipping_total, sum(methods.map((method) => method.subtotal)));
        assert.equal(totals.tax_total, sum([...lines, ...methods].map((line) => line.tax_total)));
        assert.equal(totals.tax_total, totals.item_tax_total + totals.shipping_tax_total);
        assert.equal(totals.discount_total, sum([...lines, ...methods].map((line) => line.discount_total)));
        assert.equal(totals.total, totals.subtotal + totals.shipping_total - totals.discount_total + totals.tax_total - totals.gift_card_total);
        assert.equal(sum(totals.taxBreakdown.map((row) => row.amount)), totals.tax_total, "tax per rate adds up to the tax total");
        assert.equal(sum(totals.giftCards.map((card) => card.amount)), totals.gift_card_total);
      }),
      RUNS,
    );
  });

  test("no total is negative and gift cards never pay more than is owed or than they hold", () => {
    fc.assert(
      fc.property(cartArb, (input) => {
        const totals = computeCartTotals(input);
        assert.ok(totals.total >= 0);
        const owedBefore = totals.total + totals.gift_card_total;
        assert.equal(totals.gift_card_total, Math.min(owedBefore, sum(input.giftCards.map((card) => card.balance))));
        totals.giftCards.forEach((card, index) => assert.ok(card.amount >= 0 && card.amount <= input.giftCards[index].balance));
      }),
      RUNS,
    );
  });

  test("the shopper's reading: shown prices − discount + shipping + tax added − gift cards = total, to the cent", () => {
    fc.assert(
      fc.property(cartArb, (input) => {
        const { summary, total, tax_total } = computeCartTotals(input);
        assert.equal(summary.items - summary.discount + summary.shipping + summary.tax_added - summary.gift_card, total);
        assert.equal(summary.tax_added + summary.tax_included, tax_total);
        assert.equal(summary.items, sum(input.items.map((line) => line.unitPrice * line.quantity)));
      }),
      RUNS,
    );
  });

  test("tax-inclusive prices stay what was shown whatever the rate: only the tax share inside changes", () => {
    fc.assert(
      fc.property(cartArb, fc.array(taxLineArb, { minLength: 1, maxLength: 2 }), (input, otherRates) => {
        const inclusive = { ...input, items: input.items.map((line) => ({ ...line, includesTax: true })), shippingMethods: input.shippingMethods.map((method) => ({ ...method, includesTax: true })) };
        const moved = { ...inclusive, items: inclusive.items.map((line) => ({ ...line, taxLines: otherRates })), shippingMethods: inclusive.shippingMethods.map((method) => ({ ...method, taxLines: otherRates })) };
        const before = computeCartTotals(inclusive);
        const after = computeCartTotals(moved);
        assert.equal(after.total, before.total);
        for (const line of inclusive.items) {
          assert.equal(after.items[line.id].total, before.items[line.id].total);
          assert.equal(after.items[line.id].original_total, line.unitPrice * line.quantity, "the line costs what was shown");
        }
        if (!inclusive.discount && inclusive.giftCards.length === 0) {
          assert.equal(before.total, sum(inclusive.items.map((line) => line.unitPrice * line.quantity)) + sum(inclusive.shippingMethods.map((method) => method.price)));
        }
      }),
      RUNS,
    );
  });

  test("rounding never loses or invents a cent: each line's tax is within half a cent of the exact tax", () => {
    fc.assert(
      fc.property(cartArb, (input) => {
        const totals = computeCartTotals(input);
        input.items.forEach((line) => {
          const figures = totals.items[line.id];
          const rate = sum(line.taxLines.map((taxLine) => taxLine.rate));
          const base = figures.amount - figures.amount_discount;
          const exact = line.includesTax ? (base * rate) / (10_000 + rate) : (base * rate) / 10_000;
          assert.ok(Math.abs(figures.tax_total - exact) <= 0.5 + 1e-9, `tax ${figures.tax_total} vs exact ${exact}`);
        });
        const eligible = sum(input.items.filter((line) => line.discountable).map((line) => line.unitPrice * line.quantity));
        const itemDiscount = sum(Object.values(totals.items).map((line) => line.amount_discount));
        if (input.discount?.type === "fixed") assert.equal(itemDiscount, Math.min(input.discount.value, eligible), "a fixed discount is taken exactly");
        assert.ok(itemDiscount <= eligible);
      }),
      RUNS,
    );
  });
});
