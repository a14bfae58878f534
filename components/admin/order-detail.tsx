"use client";
// One order in the back office: what was bought and where it goes, the money (capture, refund),
// the fulfilments (create, ship with tracking, cancel), the order's own actions and its history.
// Every action answers with the whole order, which replaces the one shown.
import Link from "next/link";
import { useEffect, useState } from "react";
import { adminClient, type AdminOrder } from "@/lib/sdk/admin";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatMoney } from "@/components/ui/format-money";
import { FulfillmentPanel } from "./fulfillment-panel";
import { PaymentPanel } from "./payment-panel";
import { ACTIVITY, FULFILLMENT_STATUS, labelOf, ORDER_STATUS, PAYMENT_STATUS, StatusBadge } from "./status-labels";
import { useAdminAction } from "./use-admin-action";
import { AdminNotices } from "./admin-notices";
import { AddressSummary } from "@/components/checkout/address-summary";

export type RunAction = (label: string, action: () => Promise<AdminOrder>) => Promise<boolean>;

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" }) : "");

export function OrderDetail({ orderId }: { orderId: string }) {
  const [order, setOrder] = useState<AdminOrder | null>(null);
  const { error, done, busy, noticeRef, perform, failLoading } = useAdminAction();
  const [confirmingCancel, setConfirmingCancel] = useState(false);

  useEffect(() => {
    adminClient.orders
      .retrieve(orderId)
      .then(setOrder)
      .catch((failure: unknown) => {
        failLoading(failure, "The order could not be loaded");
      });
  }, [orderId, failLoading]);

  const run: RunAction = (label, action) =>
    perform(async () => {
      setOrder(await action());
      return label;
    });

  if (!order) {
    return error ? <ErrorMessage>{error}</ErrorMessage> : <p className="muted" role="status">Loading the order…</p>;
  }
  const currency = order.currency_code;
  const money = (amount: number) => formatMoney(amount, currency);
  const open = order.status === "pending";
  const address = order.shipping_address;

  return (
    <article className="admin-order" aria-labelledby="order-heading">
      <p>
        <Link href="/admin/orders">← All orders</Link>
      </p>
      <header className="admin-order__header">
        <div>
          <h1 id="order-heading">Order #{order.display_id}</h1>
          <p className="muted">
            Placed {when(order.created_at)} by {order.email}
          </p>
        </div>
        <dl className="admin-statuses">
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge labels={ORDER_STATUS} value={order.status} />
            </dd>
          </div>
          <div>
            <dt>Payment</dt>
            <dd>
              <StatusBadge labels={PAYMENT_STATUS} value={order.payment_status} />
            </dd>
          </div>
          <div>
            <dt>Fulfillment</dt>
            <dd>
              <StatusBadge labels={FULFILLMENT_STATUS} value={order.fulfillment_status} />
            </dd>
          </div>
        </dl>
      </header>

      <AdminNotices noticeRef={noticeRef} error={error} done={done}>
        {order.attention_reason ? (
          <div className="notice notice--error" role="note">
            <strong>Needs attention:</strong> {order.attention_reason}
          </div>
        ) : null}
      </AdminNotices>

      <div className="admin-order__grid">
        <section className="summary-card" aria-labelledby="items-heading">
          <h2 id="items-heading">Items</h2>
          <div className="admin-table-scroll">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col" className="admin-table__number">Quantity</th>
                  <th scope="col" className="admin-table__number">Fulfilled</th>
                  <th scope="col" className="admin-table__number">Shipped</th>
                  <th scope="col" className="admin-table__number">Total</th>
                </tr>
              </thead>
              <tbody>
                {order.items.map((item) => (
                  <tr key={item.id}>
                    <th scope="row">
                      {item.title}
                      <span className="muted"> · {item.description}</span>
                    </th>
                    <td className="admin-table__number">{item.quantity}</td>
                    <td className="admin-table__number">{item.fulfilled_quantity}</td>
                    <td className="admin-table__number">{item.shipped_quantity}</td>
                    <td className="admin-table__number">{money(item.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <dl className="totals">
            <div className="totals__row">
              <dt>Subtotal</dt>
              <dd>{money(order.subtotal)}</dd>
            </div>
            {order.discount_total ? (
              <div className="totals__row">
                <dt>Discount</dt>
                <dd>−{money(order.discount_total)}</dd>
              </div>
            ) : null}
            <div className="totals__row">
              <dt>Shipping</dt>
              <dd>{money(order.shipping_total)}</dd>
            </div>
            <div className="totals__row">
              <dt>Tax</dt>
              <dd>{money(order.tax_total)}</dd>
            </div>
            <div className="totals__row totals__row--total">
              <dt>Total</dt>
              <dd>{money(order.total)}</dd>
            </div>
            <div className="totals__row">
              <dt>Paid</dt>
              <dd>{money(order.paid_total)}</dd>
            </div>
            <div className="totals__row">
              <dt>Refunded</dt>
              <dd>{money(order.refunded_total)}</dd>
            </div>
          </dl>
        </section>

        <section className="summary-card" aria-labelledby="customer-heading">
          <h2 id="customer-heading">Customer</h2>
          <p>{order.email}</p>
          <h3>Shipping address</h3>
          <AddressSummary address={address} />
          <h3>Shipping method</h3>
          <p>{order.shipping_methods.map((method) => method.name).join(", ") || "None"}</p>
        </section>

        <PaymentPanel order={order} run={run} busy={busy} />
        <FulfillmentPanel order={order} run={run} busy={busy} />

        <section className="summary-card" aria-labelledby="order-actions-heading">
          <h2 id="order-actions-heading">Order</h2>
          <div className="admin-actions">
            {open ? (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => run("The order is completed.", () => adminClient.orders.complete(order.id))}>
                Complete order
              </button>
            ) : null}
            {order.status === "completed" || order.status === "canceled" ? (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => run("The order is archived.", () => adminClient.orders.archive(order.id))}>
                Archive order
              </button>
            ) : null}
            {open && !confirmingCancel ? (
              <button type="button" className="button button--secondary" disabled={busy} onClick={() => setConfirmingCancel(true)}>
                Cancel order…
              </button>
            ) : null}
          </div>
          {open && confirmingCancel ? (
            <div className="notice notice--info" role="group" aria-labelledby="cancel-question">
              <p id="cancel-question">
                Cancel this order? An authorized payment is voided, a captured one is refunded, and the stock goes back on sale.
              </p>
              <div className="admin-actions">
                <button
                  type="button"
                  className="button button--primary"
                  disabled={busy}
                  autoFocus
                  onClick={async () => {
                    await run("The order is canceled.", () => adminClient.orders.cancel(order.id));
                    setConfirmingCancel(false);
                  }}
                >
                  Yes, cancel the order
                </button>
                <button type="button" className="button button--secondary" onClick={() => setConfirmingCancel(false)}>
                  Keep the order
                </button>
              </div>
            </div>
          ) : null}
        </section>

        <section className="summary-card admin-order__history" aria-labelledby="history-heading">
          <h2 id="history-heading">History</h2>
          <ol className="admin-history">
            <li>
              <time dateTime={order.created_at ?? undefined}>{when(order.created_at)}</time> Order placed by {order.email}
            </li>
            {order.activities.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.created_at}>{when(entry.created_at)}</time> {labelOf(ACTIVITY, entry.action)}
                {typeof entry.data.amount === "number" ? ` ${money(entry.data.amount)}` : ""}
                {Array.isArray(entry.data.tracking_numbers) && entry.data.tracking_numbers.length ? ` (tracking ${entry.data.tracking_numbers.join(", ")})` : ""}
                {typeof entry.data.note === "string" && entry.data.note ? `: “${entry.data.note}”` : ""} <span className="muted">by {entry.actor}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </article>
  );
}
