"use client";
// Ask for a reset link. The answer is the same whether or not the email has an account.
import { useState } from "react";
import { EMAIL_PATTERN } from "@/components/checkout/address-form-values";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/text-field";
import { storeClient } from "@/lib/sdk/client";
import { refusalMessage } from "./account-messages";

export function ForgotPasswordForm() {
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!EMAIL_PATTERN.test(email.trim())) {
      setError("Enter an email address like name@example.com");
      document.getElementById("forgot-email")?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    setFormError(null);
    try {
      await storeClient.customers.generatePasswordToken({ email: email.trim() });
      setSentTo(email.trim());
    } catch (caught) {
      setFormError(refusalMessage(caught, "Could not send the link. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  if (sentTo) {
    return (
      <p role="status" className="notice notice--success">
        If <strong>{sentTo}</strong> has an account, we have sent it a link to choose a new password. The link works once, for 30 minutes.
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="account-form">
      <TextField id="forgot-email" name="email" type="email" label="Email" autoComplete="email" value={email} error={error} disabled={busy} onChange={(event) => setEmail(event.target.value)} />
      <ErrorMessage>{formError}</ErrorMessage>
      <button type="submit" className="button button--primary button--large" disabled={busy}>
        {busy ? "Sending…" : "Send reset link"}
      </button>
    </form>
  );
}
