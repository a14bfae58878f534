// The page the password reset email links to: /account/reset-password?token=…&email=…
import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/account/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string; email?: string }> }) {
  const query = await searchParams;
  return (
    <div className="container account-page account-page--narrow">
      <h1>Choose a new password</h1>
      <ResetPasswordForm token={first(query.token)} email={first(query.email)} />
    </div>
  );
}
