import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { intentAcceptsUpdates, intentCanBeCanceled, paymentSessionStatusOfIntent } from "../../lib/payments/stripe-status";

describe("Stripe PaymentIntent status map", () => {
  test("maps every status as the contract says", () => {
    const expected = {
      requires_payment_method: "pending",
      requires_confirmation: "pending",
      processing: "pending",
      requires_action: "requires_more",
      requires_capture: "authorized",
      succeeded: "authorized",
      canceled: "canceled",
    };
    for (const [intentStatus, sessionStatus] of Object.entries(expected)) {
      assert.equal(paymentSessionStatusOfIntent(intentStatus), sessionStatus, intentStatus);
    }
    assert.equal(paymentSessionStatusOfIntent("something_new"), "error");
  });

  test("only unconfirmed intents follow the cart total; captured ones cannot be canceled", () => {
    assert.equal(intentAcceptsUpdates("requires_payment_method"), true);
    assert.equal(intentAcceptsUpdates("requires_capture"), false);
    assert.equal(intentAcceptsUpdates("succeeded"), false);
    assert.equal(intentCanBeCanceled("requires_capture"), true);
    assert.equal(intentCanBeCanceled("succeeded"), false);
  });
});
