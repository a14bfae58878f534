"use client";
// The storefront's header and footer, which the back office (/admin) does without.
import { usePathname } from "next/navigation";

export function ShopOnly({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  return pathname === "/admin" || pathname?.startsWith("/admin/") ? null : children;
}
