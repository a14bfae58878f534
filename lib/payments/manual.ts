// The built-in test provider (Medusa's "manual"): every payment authorizes at once and nothing
// leaves the store. Its data records the amount, so a mismatch is caught as for real providers.
import { PaymentProviderError, type PaymentContext, type PaymentProvider, type ProviderData } from "./provider";

function amountData(context: PaymentContext, status: string): ProviderData {
  return { status, amount: context.amount, currency_code: context.currencyCode };
}

export const manualPaymentProvider: PaymentProvider = {
  id: "manual",

  async initiatePayment(context) {
    return amountData(context, "pending");
  },

  async updatePayment(_data, context) {
    return amountData(context, "pending");
  },

  async updatePaymentData(data, input) {
    // Free-form notes are kept; the figures and the state are the store's, never the shopper's.
    const reserved = new Set(["amount", "currency_code", "status"]);
    const notes = Object.fromEntries(Object.entries(input).filter(([key]) => !reserved.has(key)));
    return { ...data, ...notes };
  },

  async authorizePayment(data, context) {
    if (data.amount !== undefined && (data.amount !== context.amount || data.currency_code !== context.currencyCode)) {
      throw new PaymentProviderError(
        `The payment is for ${String(data.amount)} ${String(data.currency_code)} but the cart total is ${context.amount} ${context.currencyCode}`,
        "amount_mismatch",
      );
    }
    return { status: "authorized", data: amountData(context, "authorized") };
  },

  async cancelPayment(data) {
    return { ...data, status: "canceled" };
  },

  async refundPayment(data, operation) {
    // The figures are the store's own (there is no money to move): the data keeps a tally.
    const captured = typeof data.amount === "number" ? data.amount : 0;
    const refundedBefore = typeof data.amount_refunded === "number" ? data.amount_refunded : 0;
    const amount = operation?.amount ?? captured - refundedBefore;
    if (amount > captured - refundedBefore) {
      throw new PaymentProviderError(`Cannot refund ${amount}: only ${captured - refundedBefore} is left to refund`, "amount_too_large");
    }
    const refunded = refundedBefore + amount;
    return { ...data, amount_refunded: refunded, status: refunded >= captured ? "refunded" : data.status };
  },

  async capturePayment(data) {
    return { ...data, status: "captured" };
  },

  paymentReference() {
    return null;
  },

  authorizationExpiresAt() {
    return null;
  },

  isCaptured(data) {
    return data.status === "captured";
  },

  async retrievePaymentStatus(data) {
    return data.status === "authorized" || data.status === "captured" ? "authorized" : "pending";
  },
};
