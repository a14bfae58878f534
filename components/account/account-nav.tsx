// The account area's sections, with the current one marked for assistive technology.
import Link from "next/link";
import { SignOutButton } from "./sign-out-button";

const SECTIONS = [
  { href: "/account", label: "Profile" },
  { href: "/account/addresses", label: "Addresses" },
  { href: "/account/orders", label: "Orders" },
] as const;

export function AccountNav({ current }: { current: (typeof SECTIONS)[number]["href"] }) {
  return (
    <div className="account-nav">
      <nav aria-label="Account">
        <ul className="account-nav__list">
          {SECTIONS.map((section) => (
            <li key={section.href}>
              <Link href={section.href} className="account-nav__link" aria-current={section.href === current ? "page" : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <SignOutButton />
    </div>
  );
}
