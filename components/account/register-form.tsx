"use client";
// Create an account: the shopper is signed in at once and their cart joins the account.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { EMAIL_PATTERN } from "@/components/checkout/address-form-values";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/text-field";
import { storeClient } from "@/lib/sdk/client";
import { refusalMessage } from "./account-messages";
import { useKeepCartInAccount } from "./use-keep-cart-in-account";

type Values = { first_name: string; last_name: string; email: string; password: string };
type Errors = Partial<Record<keyof Values, string>>;

export const MIN_PASSWORD_LENGTH = 8;

export function RegisterForm({ returnTo }: { returnTo: string }) {
  const router = useRouter();
  const keepCart = useKeepCartInAccount();
  const [values, setValues] = useState<Values>({ first_name: "", last_name: "", email: "", password: "" });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  function validate(): Errors {
    const found: Errors = {};
    if (!values.first_name.trim()) found.first_name = "Enter your first name";
    if (!values.last_name.trim()) found.last_name = "Enter your last name";
    if (!EMAIL_PATTERN.test(values.email.trim())) found.email = "Enter an email address like name@example.com";
    if (values.password.length < MIN_PASSWORD_LENGTH) found.password = `Use at least ${MIN_PASSWORD_LENGTH} characters`;
    return found;
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) {
      setFormError("Please correct the highlighted fields.");
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
      return;
    }
    setBusy(true);
    setFormError(null);
    try {
      const { customer } = await storeClient.customers.create({ ...values, email: values.email.trim() });
      await keepCart(customer);
      router.push(returnTo);
      router.refresh();
    } catch (error) {
      setFormError(refusalMessage(error, "Could not create your account. Please try again."));
      setBusy(false);
    }
  }

  const field = (name: keyof Values) => ({
    id: `register-${name.replace(/_/g, "-")}`,
    name,
    value: values[name],
    error: errors[name],
    disabled: busy,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="account-form" aria-describedby={formError ? "register-error" : undefined}>
      <div className="form-grid">
        <TextField {...field("first_name")} label="First name" autoComplete="given-name" />
        <TextField {...field("last_name")} label="Last name" autoComplete="family-name" />
      </div>
      <TextField {...field("email")} type="email" label="Email" autoComplete="email" />
      <TextField {...field("password")} type="password" label={`Password (at least ${MIN_PASSWORD_LENGTH} characters)`} autoComplete="new-password" />
      <ErrorMessage id="register-error">{formError}</ErrorMessage>
      <button type="submit" className="button button--primary button--large" disabled={busy}>
        {busy ? "Creating your account…" : "Create account"}
      </button>
      <p className="account-form__links">
        <span>
          Already have an account? <Link href={`/account/sign-in?next=${encodeURIComponent(returnTo)}`}>Sign in</Link>
        </span>
      </p>
    </form>
  );
}
