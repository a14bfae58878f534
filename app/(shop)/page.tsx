import { ProductGrid } from "@/components/product/product-grid";
import { taxNote } from "@/components/ui/tax-note";
import * as store from "@/lib/sdk/server-store";
import { getStorefrontSession } from "@/lib/sdk/storefront-session";

export default async function HomePage() {
  const { region } = await getStorefrontSession();
  const products = await store.products(region.id);
  return (
    <div className="container">
      <section className="hero" aria-labelledby="hero-title">
        <p className="hero__eyebrow">New season · {region.name}</p>
        <h1 id="hero-title" className="hero__title">
          Everyday goods, made to last.
        </h1>
        <p className="hero__lead">Natural materials and honest prices, shipped from our workshop. Prices are shown in {region.currency_code.toUpperCase()}
          {region.includes_tax ? " and include VAT at your country's rate." : "; sales tax is added at checkout for your state."}</p>
      </section>
      <section aria-labelledby="catalogue-title" className="catalogue">
        <div className="section-heading">
          <h2 id="catalogue-title">All products</h2>
          <p className="muted">{products.length} items</p>
        </div>
        <ProductGrid products={products} currencyCode={region.currency_code} priceNote={taxNote(region)} />
      </section>
    </div>
  );
}
