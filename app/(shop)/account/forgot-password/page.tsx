import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";

export const metadata: Metadata = { title: "Forgot your password?" };

export default function ForgotPasswordPage() {
  return (
    <div className="container account-page account-page--narrow">
      <h1>Forgot your password?</h1>
      <p className="muted">Enter your email address and we will send you a link to choose a new password.</p>
      <ForgotPasswordForm />
    </div>
  );
}
