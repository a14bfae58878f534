import Link from "next/link";
import { CartLink } from "@/components/cart/cart-link";
import { RegionSelector } from "./region-selector";
import { STORE_NAME } from "./store-name";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner container">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {STORE_NAME}
        </Link>
        <nav aria-label="Main" className="site-nav">
          <Link href="/" className="site-nav__link">
            Shop
          </Link>
        </nav>
        <div className="site-header__region">
          <RegionSelector />
        </div>
        <Link href="/account" className="account-link">
          Account
        </Link>
        <CartLink />
      </div>
    </header>
  );
}
