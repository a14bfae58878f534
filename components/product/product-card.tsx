import Link from "next/link";
import { formatMoney } from "@/components/ui/format-money";
import type { StoreProduct } from "@/lib/sdk/types";
import { productPriceRange, productStockState } from "./product-pricing";
import { stockLabel } from "./stock-state";

export function ProductCard({ product, currencyCode, priceNote }: { product: StoreProduct; currencyCode: string; priceNote: string }) {
  const price = productPriceRange(product, currencyCode);
  const stock = productStockState(product);
  const flag = stock.kind === "in_stock" ? null : stockLabel(stock);
  return (
    <li className="product-card" data-testid="product-card">
      <Link href={`/products/${product.handle}`} className="product-card__link">
        <div className="product-card__media">
          {product.thumbnail ? (
            // Local SVGs: nothing for the image optimizer to do.
            <img src={product.thumbnail} alt="" width={600} height={600} className="product-card__image" />
          ) : null}
          {flag ? <span className={`product-card__flag product-card__flag--${stock.kind.replace(/_/g, "-")}`}>{flag}</span> : null}
        </div>
        <div className="product-card__body">
          <h2 className="product-card__title">{product.title}</h2>
          <p className="product-card__price" data-testid="product-price">
            {price ? `${price.varies ? "From " : ""}${formatMoney(price.amount, currencyCode)}` : "Not available in this region"}
            {price ? <span className="price-note" data-testid="price-note"> {priceNote}</span> : null}
          </p>
        </div>
      </Link>
    </li>
  );
}
