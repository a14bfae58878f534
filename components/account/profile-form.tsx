"use client";
// The account's name and phone (the email is the account's identity and stays).
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/text-field";
import { storeClient } from "@/lib/sdk/client";
import type { StoreCustomer } from "@/lib/sdk/types";
import { refusalMessage } from "./account-messages";

export function ProfileForm({ customer }: { customer: StoreCustomer }) {
  const router = useRouter();
  const [values, setValues] = useState({ first_name: customer.first_name ?? "", last_name: customer.last_name ?? "", phone: customer.phone ?? "" });
  const [errors, setErrors] = useState<{ first_name?: string; last_name?: string }>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const found = { first_name: values.first_name.trim() ? undefined : "Enter your first name", last_name: values.last_name.trim() ? undefined : "Enter your last name" };
    setErrors(found);
    setSaved(false);
    if (found.first_name || found.last_name) return;
    setBusy(true);
    setFormError(null);
    try {
      await storeClient.customers.update({ first_name: values.first_name.trim(), last_name: values.last_name.trim(), phone: values.phone.trim() || null });
      setSaved(true);
      router.refresh();
    } catch (caught) {
      setFormError(refusalMessage(caught, "Could not save your details. Please try again."));
    } finally {
      setBusy(false);
    }
  }

  const field = (name: keyof typeof values) => ({
    id: `profile-${name.replace(/_/g, "-")}`,
    name,
    value: values[name],
    disabled: busy,
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setValues((current) => ({ ...current, [name]: event.target.value })),
  });

  return (
    <form onSubmit={submit} noValidate className="account-form">
      <div className="form-grid">
        <TextField {...field("first_name")} error={errors.first_name} label="First name" autoComplete="given-name" />
        <TextField {...field("last_name")} error={errors.last_name} label="Last name" autoComplete="family-name" />
      </div>
      <TextField {...field("phone")} label="Phone" optional type="tel" autoComplete="tel" />
      <p className="muted">
        Email: <strong data-testid="account-email">{customer.email}</strong>
      </p>
      <ErrorMessage>{formError}</ErrorMessage>
      {saved ? (
        <p role="status" className="notice notice--success">
          Your details have been saved.
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? "Saving…" : "Save details"}
      </button>
    </form>
  );
}
