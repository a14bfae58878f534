import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { getSignedInCustomer, safeReturnPath } from "@/lib/sdk/account-session";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const returnTo = safeReturnPath((await searchParams).next);
  if (await getSignedInCustomer()) redirect(returnTo);
  return (
    <div className="container account-page account-page--narrow">
      <h1>Sign in</h1>
      <SignInForm returnTo={returnTo} />
    </div>
  );
}
