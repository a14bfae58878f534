"use client";
// Orders placed as a guest with the account's email join the account only once the shopper proves
// the email is theirs: this asks the store to email a confirmation link.
import { useState } from "react";
import { ErrorMessage } from "@/components/ui/error-message";
import { storeClient } from "@/lib/sdk/client";
import { refusalMessage } from "./account-messages";

export function ClaimGuestOrders({ email }: { email: string }) {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function request() {
    setBusy(true);
    setError(null);
    try {
      await storeClient.orders.requestCustomerOrders({});
      setSent(true);
    } catch (caught) {
      setError(refusalMessage(caught, "Could not send the link. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="summary-card account-form" aria-labelledby="claim-title">
      <h2 id="claim-title" className="account-section__title">
        Ordered as a guest before?
      </h2>
      {sent ? (
        <p role="status" className="notice notice--success">
          If there are guest orders placed with <strong>{email}</strong>, we have sent a link there that adds them to your account. It works
          once, for an hour.
        </p>
      ) : (
        <>
          <p className="muted">
            Orders placed without signing in, with <strong>{email}</strong>, can join your account once you confirm this email is yours.
          </p>
          <ErrorMessage>{error}</ErrorMessage>
          <button type="button" className="button button--secondary" onClick={request} disabled={busy}>
            {busy ? "Sending…" : "Email me a confirmation link"}
          </button>
        </>
      )}
    </section>
  );
}
