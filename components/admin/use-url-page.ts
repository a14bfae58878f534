"use client";
// The page of a back-office list lives in the address (?page=), beside its filters, so Back and a
// bookmark return to the same page. Going to another page keeps the filters.
import { usePathname, useRouter, useSearchParams } from "next/navigation";

export function useUrlPage(pageSize: number) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const page = Math.max(1, Number(params.get("page")) || 1);

  function goTo(target: number) {
    const next = new URLSearchParams(params);
    next.set("page", String(target));
    router.push(`${pathname}?${next}`);
  }

  /** How many pages `count` rows fill; at least one. */
  const pagesOf = (count: number) => Math.max(1, Math.ceil(count / pageSize));

  return { page, offset: (page - 1) * pageSize, goTo, pagesOf };
}
