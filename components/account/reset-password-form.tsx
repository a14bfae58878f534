"use client";
// Choose a new password with the emailed link (?token=…&email=…). Afterwards every session of the
// account has ended, so the shopper signs in with the new password.
import Link from "next/link";
import { useState } from "react";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/text-field";
import { storeClient } from "@/lib/sdk/client";
import { refusalMessage } from "./account-messages";
import { MIN_PASSWORD_LENGTH } from "./register-form";

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (password.length < MIN_PASSWORD_LENGTH) {
      setError(`Use at least ${MIN_PASSWORD_LENGTH} characters`);
      document.getElementById("new-password")?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    setFormError(null);
    try {
      await storeClient.customers.resetPassword({ email, token, password });
      setDone(true);
    } catch (caught) {
      setFormError(refusalMessage(caught, "Could not change your password. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  if (!token || !email) {
    return (
      <p className="notice notice--error">
        This link is incomplete. <Link href="/account/forgot-password">Ask for a new one</Link>.
      </p>
    );
  }
  if (done) {
    return (
      <p role="status" className="notice notice--success">
        Your password has been changed. <Link href="/account/sign-in">Sign in with your new password</Link>.
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="account-form">
      <p className="muted">
        Choose a new password for <strong>{email}</strong>.
      </p>
      <TextField
        id="new-password"
        name="password"
        type="password"
        label={`New password (at least ${MIN_PASSWORD_LENGTH} characters)`}
        autoComplete="new-password"
        value={password}
        error={error}
        disabled={busy}
        onChange={(event) => setPassword(event.target.value)}
      />
      <ErrorMessage>{formError}</ErrorMessage>
      <button type="submit" className="button button--primary button--large" disabled={busy}>
        {busy ? "Saving…" : "Change password"}
      </button>
    </form>
  );
}
