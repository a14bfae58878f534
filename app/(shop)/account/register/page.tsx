import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/account/register-form";
import { getSignedInCustomer, safeReturnPath } from "@/lib/sdk/account-session";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).next);
  if (await getSignedInCustomer()) redirect(returnTo);
  return (
    <div className="container account-page account-page--narrow">
      <h1>Create an account</h1>
      <p className="muted">Save your addresses for a faster checkout and see your orders in one place.</p>
      <RegisterForm returnTo={returnTo} />
    </div>
  );
}
