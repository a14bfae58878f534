"use client";
// What every back-office page with buttons shares: one action at a time (busy), its outcome in
// the notice area (which takes the focus, so a screen reader hears it), and back to sign-in when
// the session has ended (401).
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import { signInPath } from "./admin-shell";

export function useAdminAction() {
  const router = useRouter();
  const pathname = usePathname();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  /** A failed load: to sign-in on 401, else `fallback` unless the API said why. Stable for effects' dependencies. */
  const failLoading = useCallback(
    (failure: unknown, fallback: string) => {
      if (isStoreApiError(failure) && failure.status === 401) router.replace(signInPath(pathname));
      else setError(isStoreApiError(failure) ? failure.message : fallback);
    },
    [router, pathname],
  );

  /** Runs an action whose answer is the message to show; true when it succeeded. */
  async function perform(action: () => Promise<string>): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      setDone(await action());
      return true;
    } catch (failure) {
      if (isStoreApiError(failure) && failure.status === 401) router.replace(signInPath(pathname));
      setError(isStoreApiError(failure) ? failure.message : "That did not work; try again");
      return false;
    } finally {
      setBusy(false);
      noticeRef.current?.focus();
    }
  }

  return { error, done, setDone, busy, noticeRef, perform, failLoading };
}
