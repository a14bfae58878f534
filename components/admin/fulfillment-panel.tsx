"use client";
// Fulfilments: pack some or all of what is left, mark a parcel shipped with its tracking
// numbers, or cancel a parcel that has not left.
import { useState } from "react";
import { adminClient, type AdminOrder } from "@/lib/sdk/admin";
import { TextField } from "@/components/ui/text-field";
import type { RunAction } from "./order-detail";

export function FulfillmentPanel({ order, run, busy }: { order: AdminOrder; run: RunAction; busy: boolean }) {
  const open = order.status === "pending";
  const left = order.items.filter((item) => item.quantity > item.fulfilled_quantity);
  const [formKey, setFormKey] = useState(0);
  const [quantityError, setQuantityError] = useState<string | undefined>();
  const titleOf = (itemId: string) => {
    const item = order.items.find((candidate) => candidate.id === itemId);
    return item ? `${item.title} (${item.description})` : itemId;
  };

  async function fulfill(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const items = left
      .map((item) => ({ item_id: item.id, quantity: Number(form.get(`fulfill-${item.id}`) || 0) }))
      .filter((line) => line.quantity > 0);
    if (items.length === 0) return setQuantityError("Choose how many of at least one item to fulfill");
    setQuantityError(undefined);
    if (await run("Fulfillment created.", () => adminClient.orders.createFulfillment(order.id, items))) setFormKey((key) => key + 1);
  }

  async function ship(event: React.FormEvent<HTMLFormElement>, fulfillmentId: string) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const numbers = String(form.get("tracking") ?? "")
      .split(/[\s,]+/)
      .map((number) => number.trim())
      .filter(Boolean);
    await run("Marked as shipped.", () => adminClient.orders.createShipment(order.id, fulfillmentId, numbers));
  }

  return (
    <section className="summary-card" aria-labelledby="fulfillment-heading">
      <h2 id="fulfillment-heading">Fulfillment</h2>
      {order.fulfillments.length === 0 ? <p className="muted">Nothing fulfilled yet.</p> : null}
      <ol className="admin-fulfillments">
        {order.fulfillments.map((fulfillment, index) => (
          <li key={fulfillment.id} className="admin-fulfillment">
            <h3>
              Fulfillment {index + 1}
              {fulfillment.canceled_at ? " (canceled)" : fulfillment.shipped_at ? " (shipped)" : " (not shipped)"}
            </h3>
            <ul className="admin-facts">
              {fulfillment.items.map((item) => (
                <li key={item.item_id}>
                  {item.quantity} × {titleOf(item.item_id)}
                </li>
              ))}
              {fulfillment.tracking_numbers.length ? <li>Tracking: {fulfillment.tracking_numbers.join(", ")}</li> : null}
            </ul>
            {!fulfillment.shipped_at && !fulfillment.canceled_at && open ? (
              <div className="admin-fulfillment__actions">
                <form className="admin-form admin-form--inline" onSubmit={(event) => ship(event, fulfillment.id)}>
                  <TextField id={`tracking-${fulfillment.id}`} name="tracking" label="Tracking numbers" optional autoComplete="off" />
                  <button type="submit" className="button button--primary" disabled={busy}>
                    Mark shipped
                  </button>
                </form>
                <button
                  type="button"
                  className="link-button"
                  disabled={busy}
                  onClick={() => run("Fulfillment canceled.", () => adminClient.orders.cancelFulfillment(order.id, fulfillment.id))}
                >
                  Cancel fulfillment {index + 1}
                </button>
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {open && left.length ? (
        <form key={formKey} className="admin-form" onSubmit={fulfill} aria-labelledby="new-fulfillment-heading" noValidate>
          <h3 id="new-fulfillment-heading">New fulfillment</h3>
          {left.map((item) => (
            <TextField
              key={item.id}
              id={`fulfill-${item.id}`}
              name={`fulfill-${item.id}`}
              label={`${item.title} (${item.description}), ${item.quantity - item.fulfilled_quantity} left`}
              type="number"
              min={0}
              max={item.quantity - item.fulfilled_quantity}
              defaultValue={item.quantity - item.fulfilled_quantity}
              required={false}
            />
          ))}
          {quantityError ? (
            <p className="field__error" role="alert">
              {quantityError}
            </p>
          ) : null}
          <button type="submit" className="button button--secondary" disabled={busy}>
            Create fulfillment
          </button>
        </form>
      ) : null}
    </section>
  );
}
