"use client";
// The back office's frame: who is signed in, the navigation, signing out. Pages inside it render
// only for a signed-in merchant; anyone else is sent to the sign-in page and brought back after.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { createContext, useContext, useEffect, useState } from "react";
import { adminClient, type AdminUser } from "@/lib/sdk/admin";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import { ErrorMessage } from "@/components/ui/error-message";

const SignedInUser = createContext<AdminUser | null>(null);
export const useSignedInUser = () => useContext(SignedInUser);

const SECTIONS = [
  { href: "/admin/orders", label: "Orders" },
  { href: "/admin/products", label: "Products" },
  { href: "/admin/regions", label: "Regions" },
  { href: "/admin/mailbox", label: "Mailbox" },
  { href: "/admin/events", label: "Events" },
];

export function signInPath(pathname: string) {
  return `/admin/sign-in?next=${encodeURIComponent(pathname)}`;
}

export function AdminShell({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  const [user, setUser] = useState<AdminUser | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    adminClient.auth
      .getSession()
      .then(({ user }) => active && setUser(user))
      .catch((failure: unknown) => {
        if (!active) return;
        if (isStoreApiError(failure) && failure.status === 401) router.replace(signInPath(pathname));
        else setError(failure instanceof Error ? failure.message : "The back office could not be loaded");
      });
    return () => {
      active = false;
    };
  }, [router, pathname]);

  async function signOut() {
    await adminClient.auth.deleteSession().catch(() => undefined);
    router.replace("/admin/sign-in");
  }

  return (
    <div className="admin">
      <header className="admin-header">
        <div className="admin-header__inner container">
          <Link href="/admin/orders" className="brand">
            <span className="brand__mark" aria-hidden="true" />
            Back office
          </Link>
          <nav aria-label="Back office" className="site-nav">
            {SECTIONS.map(({ href, label }) => (
              <Link key={href} href={href} className="site-nav__link" aria-current={pathname.startsWith(href) ? "page" : undefined}>
                {label}
              </Link>
            ))}
          </nav>
          {user ? (
            <div className="admin-header__user">
              <span className="muted">{user.email}</span>
              <button type="button" className="link-button" onClick={signOut}>
                Sign out
              </button>
            </div>
          ) : null}
        </div>
      </header>
      <div className="admin-body container">
        <ErrorMessage>{error}</ErrorMessage>
        {user ? <SignedInUser.Provider value={user}>{children}</SignedInUser.Provider> : error ? null : <p className="muted" role="status">Loading…</p>}
      </div>
    </div>
  );
}
