import type { Metadata, Viewport } from "next";
import { CartProvider } from "@/components/cart/cart-provider";
import { SiteFooter } from "@/components/ui/site-footer";
import { SiteHeader } from "@/components/ui/site-header";
import { ShopOnly } from "@/components/ui/shop-only";
import { STORE_NAME } from "@/components/ui/store-name";
import { getStorefrontSession } from "@/lib/sdk/storefront-session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: STORE_NAME, template: `%s · ${STORE_NAME}` },
  description: "Everyday goods, made to last.",
  // Inline, so the browser asks no server (and gets no 404) for a favicon.
  icons: {
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='8' fill='%231f3a33'/%3E%3Cpath d='M9 22V10h3v5l5-5h4l-6 6 6 6h-4l-5-5v5z' fill='%23faf8f5'/%3E%3C/svg%3E",
  },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f3a33" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const session = await getStorefrontSession();
  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <CartProvider
          initialCart={session.cart}
          staleCartId={session.staleCartId}
          region={session.region}
          regions={session.regions}
          countryCode={session.countryCode}
        >
          <ShopOnly>
            <SiteHeader />
          </ShopOnly>
          <main id="main" tabIndex={-1} className="site-main">
            {children}
          </main>
          <ShopOnly>
            <SiteFooter />
          </ShopOnly>
        </CartProvider>
      </body>
    </html>
  );
}
