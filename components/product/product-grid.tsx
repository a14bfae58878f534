import type { StoreProduct } from "@/lib/sdk/types";
import { ProductCard } from "./product-card";

export function ProductGrid({ products, currencyCode, priceNote }: { products: StoreProduct[]; currencyCode: string; priceNote: string }) {
  if (products.length === 0) return <p className="empty-note">No products yet. Check back soon.</p>;
  return (
    <ul className="product-grid" aria-label="Products">
      {products.map((product) => (
        <ProductCard key={product.id} product={product} currencyCode={currencyCode} priceNote={priceNote} />
      ))}
    </ul>
  );
}
