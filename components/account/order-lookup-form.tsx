"use client";
// A guest finds an order by its number and the email it was placed with.
import { useState } from "react";
import { EMAIL_PATTERN } from "@/components/checkout/address-form-values";
import { OrderDetails } from "@/components/checkout/order-details";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/text-field";
import { storeClient } from "@/lib/sdk/client";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import type { StoreOrder } from "@/lib/sdk/types";
import { refusalMessage } from "./account-messages";

export function OrderLookupForm() {
  const [number, setNumber] = useState("");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<{ number?: string; email?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [order, setOrder] = useState<StoreOrder | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const displayId = Number(number.trim().replace(/^#/, ""));
    const found = {
      number: Number.isSafeInteger(displayId) && displayId > 0 ? undefined : "Enter the order number, e.g. 1042",
      email: EMAIL_PATTERN.test(email.trim()) ? undefined : "Enter the email address you ordered with",
    };
    setErrors(found);
    if (found.number || found.email) {
      document.getElementById(found.number ? "lookup-number" : "lookup-email")?.focus();
      return;
    }
    setBusy(true);
    setFormError(null);
    setOrder(null);
    try {
      setOrder((await storeClient.orders.lookupOrder({ display_id: displayId, email: email.trim() })).order);
    } catch (caught) {
      setFormError(
        isStoreApiError(caught) && caught.status === 404
          ? "We could not find an order with that number and email. Check both and try again."
          : refusalMessage(caught, "Could not look the order up. Please try again."),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form onSubmit={submit} noValidate className="account-form">
        <div className="form-grid">
          <TextField id="lookup-number" name="display_id" label="Order number" inputMode="numeric" value={number} error={errors.number} disabled={busy} onChange={(event) => setNumber(event.target.value)} />
          <TextField id="lookup-email" name="email" type="email" label="Email" autoComplete="email" value={email} error={errors.email} disabled={busy} onChange={(event) => setEmail(event.target.value)} />
        </div>
        <ErrorMessage>{formError}</ErrorMessage>
        <button type="submit" className="button button--primary button--large" disabled={busy}>
          {busy ? "Looking…" : "Find my order"}
        </button>
      </form>
      {order ? (
        <section className="order-lookup__result" aria-labelledby="found-order-title">
          <h2 id="found-order-title" className="account-section__title">
            Order <span data-testid="order-number">#{order.display_id}</span>
          </h2>
          <p className="muted">Placed {new Date(order.created_at!).toLocaleDateString("en-GB", { dateStyle: "long" })}</p>
          <OrderDetails order={order} />
        </section>
      ) : null}
    </>
  );
}
