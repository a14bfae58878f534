"use client";
// The page the claim email links to. The orders move only when the shopper presses the button: a
// link opened by a mail scanner or a prefetch changes nothing.
import Link from "next/link";
import { useState } from "react";
import { ErrorMessage } from "@/components/ui/error-message";
import { storeClient } from "@/lib/sdk/client";
import { refusalMessage } from "./account-messages";

export function ConfirmOrderClaim({ token }: { token: string }) {
  const [claimed, setClaimed] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      setClaimed((await storeClient.orders.confirmRequest({ token })).claimed_order_ids.length);
    } catch (caught) {
      setError(refusalMessage(caught, "Could not add the orders. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  if (claimed !== null) {
    return (
      <p role="status" className="notice notice--success">
        {claimed === 1 ? "1 order was" : `${claimed} orders were`} added to your account. <Link href="/account/orders">See your orders</Link>.
      </p>
    );
  }
  return (
    <div className="account-form">
      <ErrorMessage>{error}</ErrorMessage>
      <button type="button" className="button button--primary button--large" onClick={confirm} disabled={busy || !token}>
        {busy ? "Adding…" : "Add the orders to my account"}
      </button>
    </div>
  );
}
