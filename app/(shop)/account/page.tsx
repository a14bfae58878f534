import type { Metadata } from "next";
import { AccountNav } from "@/components/account/account-nav";
import { ProfileForm } from "@/components/account/profile-form";
import { requireSignedInCustomer } from "@/lib/sdk/account-session";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const customer = await requireSignedInCustomer("/account");
  return (
    <div className="container account-page">
      <h1>Hello, {customer.first_name}</h1>
      <AccountNav current="/account" />
      <section aria-labelledby="profile-title" className="account-section">
        <h2 id="profile-title" className="account-section__title">
          Your details
        </h2>
        <ProfileForm customer={customer} />
      </section>
    </div>
  );
}
