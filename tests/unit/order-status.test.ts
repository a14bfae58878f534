import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { fulfillmentStatusOf, paymentStatusOf, refundableAmount } from "../../lib/order-management/order-status";

const item = (quantity: number, fulfilledQuantity = 0, shippedQuantity = 0) => ({ quantity, fulfilledQuantity, shippedQuantity });
const payment = (amount: number, options: { captured?: boolean; canceled?: boolean; amountRefunded?: number } = {}) => ({
  amount,
  captured: options.captured ?? false,
  canceled: options.canceled ?? false,
  amountRefunded: options.amountRefunded ?? 0,
});

describe("fulfilment status of an order's items", () => {
  test("nothing fulfilled", () => assert.equal(fulfillmentStatusOf([item(2), item(1)]), "not_fulfilled"));
  test("some items in a fulfilment", () => assert.equal(fulfillmentStatusOf([item(2, 1), item(1)]), "partially_fulfilled"));
  test("every item in a fulfilment", () => assert.equal(fulfillmentStatusOf([item(2, 2), item(1, 1)]), "fulfilled"));
  test("some shipped", () => assert.equal(fulfillmentStatusOf([item(2, 2, 2), item(1, 1)]), "partially_shipped"));
  test("some shipped, the rest not even fulfilled", () => assert.equal(fulfillmentStatusOf([item(2, 1, 1), item(1)]), "partially_shipped"));
  test("everything shipped", () => assert.equal(fulfillmentStatusOf([item(2, 2, 2), item(1, 1, 1)]), "shipped"));
});

describe("payment status of an order's payments", () => {
  test("authorized, not captured", () => assert.equal(paymentStatusOf([payment(5000)]), "awaiting"));
  test("captured", () => assert.equal(paymentStatusOf([payment(5000, { captured: true })]), "captured"));
  test("part refunded", () => assert.equal(paymentStatusOf([payment(5000, { captured: true, amountRefunded: 1000 })]), "partially_refunded"));
  test("all refunded", () => assert.equal(paymentStatusOf([payment(5000, { captured: true, amountRefunded: 5000 })]), "refunded"));
  test("authorization voided", () => assert.equal(paymentStatusOf([payment(5000, { canceled: true })]), "canceled"));
  test("refundable is what was captured and not refunded", () => {
    assert.equal(refundableAmount(payment(5000, { captured: true, amountRefunded: 1200 })), 3800);
    assert.equal(refundableAmount(payment(5000)), 0);
  });
});
