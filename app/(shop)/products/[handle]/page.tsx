import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProductActions } from "@/components/product/product-actions";
import * as store from "@/lib/sdk/server-store";
import { getStorefrontSession } from "@/lib/sdk/storefront-session";
import type { StoreProduct } from "@/lib/sdk/types";

type Props = { params: Promise<{ handle: string }> };

async function loadProduct(handle: string, regionId: string): Promise<StoreProduct> {
  try {
    return await store.product(handle, regionId);
  } catch (error) {
    if (store.isStoreRefusal(error, 404)) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  const { region } = await getStorefrontSession();
  const product = await loadProduct(handle, region.id);
  return { title: product.title, description: product.description ?? undefined };
}

export default async function ProductPage({ params }: Props) {
  const { handle } = await params;
  const { region } = await getStorefrontSession();
  const product = await loadProduct(handle, region.id);
  const image = product.images[0]?.url ?? product.thumbnail;
  return (
    <div className="container">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/">Shop</Link>
          </li>
          <li aria-current="page">{product.title}</li>
        </ol>
      </nav>
      <article className="product-page">
        <div className="product-page__media">
          {image ? (
            <img src={image} alt={product.title} width={800} height={800} className="product-page__image" />
          ) : null}
        </div>
        <div className="product-page__details">
          <h1 className="product-page__title">{product.title}</h1>
          <ProductActions key={`${product.id}:${region.id}`} product={product} currencyCode={region.currency_code} />
          {product.description ? (
            <section className="product-page__description" aria-labelledby="description-title">
              <h2 id="description-title" className="eyebrow-heading">
                Details
              </h2>
              <p>{product.description}</p>
            </section>
          ) : null}
          <ul className="product-page__assurances">
            <li>Free standard shipping on larger orders</li>
            <li>30-day returns</li>
            <li>Secure checkout</li>
          </ul>
        </div>
      </article>
    </div>
  );
}
