import Link from "next/link";
import { STORE_NAME } from "./store-name";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <p className="site-footer__brand">{STORE_NAME}</p>
        <p className="site-footer__note">Everyday goods, made to last. Free standard shipping on larger orders.</p>
        <p className="site-footer__note">
          <Link href="/order/lookup">Find an order</Link> · <Link href="/account">Your account</Link>
        </p>
        <p className="site-footer__note">© 2026 {STORE_NAME}</p>
      </div>
    </footer>
  );
}
