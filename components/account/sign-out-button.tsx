"use client";
// Signing out ends the session on the server and forgets the cart, which belongs to the account.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCart } from "@/components/cart/cart-provider";
import { storeClient } from "@/lib/sdk/client";

export function SignOutButton() {
  const router = useRouter();
  const { forgetCart } = useCart();
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    try {
      await storeClient.auth.deleteSession();
    } finally {
      forgetCart();
      router.push("/");
      router.refresh();
    }
  }
  return (
    <button type="button" className="button button--secondary" onClick={signOut} disabled={busy}>
      {busy ? "Signing out…" : "Sign out"}
    </button>
  );
}
