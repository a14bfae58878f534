"use client";
// The order's money: capture an authorization, refund part or all of what was captured.
import { useState } from "react";
import { adminClient, type AdminOrder } from "@/lib/sdk/admin";
import { formatMoney } from "@/components/ui/format-money";
import { SelectField, TextField } from "@/components/ui/text-field";
import { formatPlain, parseMoney } from "./money-input";
import type { RunAction } from "./order-detail";

const REASONS = [
  { value: "discount", label: "Discount or goodwill" },
  { value: "return", label: "Returned items" },
  { value: "claim", label: "Claim (damaged or missing)" },
  { value: "swap", label: "Exchange" },
  { value: "other", label: "Other" },
];

const PROVIDER_NAMES: Record<string, string> = { manual: "Test payment (manual provider: no money moves)", stripe: "Card (Stripe)" };

export function PaymentPanel({ order, run, busy }: { order: AdminOrder; run: RunAction; busy: boolean }) {
  const currency = order.currency_code;
  const money = (amount: number) => formatMoney(amount, currency);
  const refundable = order.paid_total - order.refunded_total;
  const [amountError, setAmountError] = useState<string | undefined>();
  const [formKey, setFormKey] = useState(0);

  async function refund(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = parseMoney(String(form.get("refund-amount") ?? ""), currency);
    if (amount === null || amount <= 0) return setAmountError(`Enter an amount such as ${formatPlain(Math.min(refundable, 1000), currency)}`);
    if (amount > refundable) return setAmountError(`At most ${money(refundable)} can be refunded`);
    setAmountError(undefined);
    const note = String(form.get("refund-note") ?? "").trim();
    const refunded = await run(`Refunded ${money(amount)}.`, () =>
      adminClient.orders.refundPayment(order.id, { amount, reason: String(form.get("refund-reason")), ...(note ? { note } : {}) }),
    );
    if (refunded) setFormKey((key) => key + 1);
  }

  return (
    <section className="summary-card" aria-labelledby="payment-heading">
      <h2 id="payment-heading">Payment</h2>
      {order.payments.map((payment) => (
        <div key={payment.id} className="admin-payment">
          <p>
            <strong>{money(payment.amount)}</strong> · {PROVIDER_NAMES[payment.provider_id] ?? payment.provider_id}
          </p>
          <ul className="admin-facts">
            {payment.captured_at ? <li>Captured {new Date(payment.captured_at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</li> : null}
            {payment.canceled_at ? <li>Authorization canceled</li> : null}
            {!payment.captured_at && !payment.canceled_at ? <li>Authorized, not captured yet</li> : null}
            {payment.authorization_expires_at ? (
              <li>
                The authorization expires{" "}
                <strong>{new Date(payment.authorization_expires_at).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</strong>: capture
                before then.
              </li>
            ) : null}
            {payment.amount_refunded ? <li>Refunded {money(payment.amount_refunded)}</li> : null}
          </ul>
        </div>
      ))}
      {order.payment_status === "awaiting" && order.status === "pending" ? (
        <button type="button" className="button button--primary" disabled={busy} onClick={() => run(`Captured ${money(order.total)}.`, () => adminClient.orders.capturePayment(order.id))}>
          Capture {money(order.total)}
        </button>
      ) : null}
      {order.refunds.length ? (
        <>
          <h3>Refunds</h3>
          <ul className="admin-facts">
            {order.refunds.map((refund) => (
              <li key={refund.id}>
                {money(refund.amount)} · {REASONS.find((reason) => reason.value === refund.reason)?.label ?? refund.reason}
                {refund.note ? ` · “${refund.note}”` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {refundable > 0 && order.status !== "archived" ? (
        <form key={formKey} className="admin-form" onSubmit={refund} aria-labelledby="refund-heading" noValidate>
          <h3 id="refund-heading">Refund</h3>
          <p className="muted">Up to {money(refundable)} can be refunded.</p>
          <TextField
            id="refund-amount"
            name="refund-amount"
            label={`Amount (${currency.toUpperCase()})`}
            inputMode="decimal"
            autoComplete="off"
            error={amountError}
          />
          <SelectField id="refund-reason" name="refund-reason" label="Reason" options={REASONS} defaultValue="other" />
          <TextField id="refund-note" name="refund-note" label="Note" optional maxLength={1000} />
          <button type="submit" className="button button--secondary" disabled={busy}>
            Refund
          </button>
        </form>
      ) : null}
    </section>
  );
}
