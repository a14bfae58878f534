// The page the order-claim email links to: /account/claim-orders?token=…
import type { Metadata } from "next";
import { ConfirmOrderClaim } from "@/components/account/confirm-order-claim";
import { requireSignedInCustomer } from "@/lib/sdk/account-session";

export const metadata: Metadata = { title: "Add orders to your account", referrer: "no-referrer" };

export default async function ClaimOrdersPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = (Array.isArray(raw) ? raw[0] : raw) ?? "";
  const customer = await requireSignedInCustomer(`/account/claim-orders?token=${encodeURIComponent(token)}`);
  return (
    <div className="container account-page account-page--narrow">
      <h1>Add orders to your account</h1>
      <p className="muted">
        You confirmed that the email these orders were placed with is yours. They will show in the orders of <strong>{customer.email}</strong>.
      </p>
      <ConfirmOrderClaim token={token} />
    </div>
  );
}
