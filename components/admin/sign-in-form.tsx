"use client";
import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { adminClient } from "@/lib/sdk/admin";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/text-field";

/** Where to go after signing in: a back-office path only, never another site. */
function safeNext(next: string | null) {
  return next && next.startsWith("/admin/") && !next.startsWith("//") ? next : "/admin/orders";
}

export function SignInForm() {
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await adminClient.auth.createSession(String(form.get("email")), String(form.get("password")));
      router.replace(next);
    } catch (failure) {
      setError(isStoreApiError(failure) ? failure.message : "Signing in failed; try again");
      setBusy(false);
    }
  }

  return (
    <form className="admin-sign-in summary-card" onSubmit={submit} noValidate={false}>
      <h1>Sign in to the back office</h1>
      <ErrorMessage>{error}</ErrorMessage>
      <TextField id="email" name="email" type="email" label="Email" autoComplete="username" autoFocus />
      <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" />
      <button type="submit" className="button button--primary button--block" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
