import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "@/components/admin/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default function AdminSignInPage() {
  return (
    <div className="admin container">
      <Suspense>
        <SignInForm />
      </Suspense>
    </div>
  );
}
