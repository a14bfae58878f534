"use client";
// Sign in. A guest cart the shopper already filled joins their account, then they go on to where
// they were headed (?next=).
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/text-field";
import { storeClient } from "@/lib/sdk/client";
import type { StoreCustomer } from "@/lib/sdk/types";
import { refusalMessage } from "./account-messages";
import { useKeepCartInAccount } from "./use-keep-cart-in-account";

export function SignInForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const keepCart = useKeepCartInAccount();
  const { pending } = useCart();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = { email: email.trim() ? undefined : "Enter your email address", password: password ? undefined : "Enter your password" };
    setErrors(found);
    if (found.email || found.password) {
      setFormError("Please correct the highlighted fields.");
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const { customer } = await storeClient.auth.authenticate({ email: email.trim(), password });
      await keepCart(customer as StoreCustomer);
      router.push(returnTo);
      router.refresh();
    } catch (error) {
      setFormError(refusalMessage(error, "Could not sign you in. Please try again."));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="account-form" aria-describedby={formError ? "sign-in-error" : undefined}>
      <TextField id="email" name="email" type="email" label="Email" autoComplete="email" value={email} error={errors.email} disabled={busy} onChange={(event) => setEmail(event.target.value)} />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        value={password}
        error={errors.password}
        disabled={busy}
        onChange={(event) => setPassword(event.target.value)}
      />
      <ErrorMessage id="sign-in-error">{formError}</ErrorMessage>
      <button type="submit" className="button button--primary button--large" disabled={busy || pending}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <p className="account-form__links">
        <Link href="/account/forgot-password">Forgot your password?</Link>
        <span>
          New here? <Link href={`/account/register?next=${encodeURIComponent(returnTo)}`}>Create an account</Link>
        </span>
      </p>
    </form>
  );
}
