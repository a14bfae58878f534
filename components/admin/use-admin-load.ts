"use client";
// Loading something for a back-office page: the answer, or an error in words; a 401 (the session
// ended) sends the merchant to sign in and back. `key` reloads when it changes.
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import { signInPath } from "./admin-shell";

export function useAdminLoad<T>(load: () => Promise<T>, key: string, what: string) {
  const router = useRouter();
  const pathname = usePathname();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((value) => value + 1), []);

  useEffect(() => {
    let active = true;
    setError(null);
    load()
      .then((answer) => active && setData(answer))
      .catch((failure: unknown) => {
        if (!active) return;
        if (isStoreApiError(failure) && failure.status === 401) router.replace(signInPath(pathname));
        else setError(isStoreApiError(failure) ? failure.message : `${what} could not be loaded`);
      });
    return () => {
      active = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` and `version` say when to load again
  }, [key, version]);

  return { data, error, reload };
}
