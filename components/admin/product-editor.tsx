"use client";
// One product in the back office: its status (only published products are sold), and per variant
// the stock and the price in each of the store's currencies. Deleting a product that was ordered
// unpublishes it instead; the page says which happened.
import Link from "next/link";
import { useEffect, useState } from "react";
import { adminClient, type AdminProduct, type PriceInput } from "@/lib/sdk/admin";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/text-field";
import { formatPlain, parseMoney } from "./money-input";
import { PRODUCT_STATUS, StatusBadge } from "./status-labels";
import { useAdminAction } from "./use-admin-action";
import { AdminNotices } from "./admin-notices";
import { ConfirmDelete } from "./confirm-delete";

type Variant = AdminProduct["variants"][number];
type Run = (label: string, action: () => Promise<AdminProduct | null>) => Promise<boolean>;

const STATUS_CHOICES = Object.entries(PRODUCT_STATUS).map(([value, label]) => ({ value, label }));

export function ProductEditor({ productId }: { productId: string }) {
  const [product, setProduct] = useState<AdminProduct | null>(null);
  const [currencies, setCurrencies] = useState<string[]>([]);
  const { error, done, setDone, busy, noticeRef, perform, failLoading } = useAdminAction();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleted, setDeleted] = useState(false);

  useEffect(() => {
    Promise.all([adminClient.products.retrieve(productId), adminClient.regions.list()])
      .then(([loaded, { regions }]) => {
        setProduct(loaded);
        setCurrencies([...new Set(regions.map((region) => region.currency_code))]);
      })
      .catch((failure: unknown) => {
        failLoading(failure, "The product could not be loaded");
      });
  }, [productId, failLoading]);

  const run: Run = (label, action) =>
    perform(async () => {
      const next = await action();
      if (next) setProduct(next);
      return label;
    });

  if (!product) {
    return error ? <ErrorMessage>{error}</ErrorMessage> : <p className="muted" role="status">Loading the product…</p>;
  }

  async function saveStatus(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const status = String(new FormData(event.currentTarget).get("product-status"));
    await run(`Status saved: ${PRODUCT_STATUS[status as keyof typeof PRODUCT_STATUS] ?? status}.`, () => adminClient.products.update(product!.id, { status }));
  }

  async function remove() {
    setConfirmingDelete(false);
    let unpublished = "";
    const ok = await run("", async () => {
      const answer = await adminClient.products.delete(product!.id);
      if (answer.deleted) {
        setDeleted(true);
        return null;
      }
      unpublished = answer.message ?? "The product has orders, so it was unpublished instead of deleted.";
      return answer.product ?? null;
    });
    if (ok && unpublished) setDone(unpublished);
  }

  const currencyList = [...new Set([...currencies, ...product.variants.flatMap((variant) => variant.prices.map((price) => price.currency_code))])];

  if (deleted) {
    return (
      <div role="status" className="notice notice--success">
        <p>{product.title} was deleted.</p>
        <p>
          <Link href="/admin/products">Back to the products</Link>
        </p>
      </div>
    );
  }

  return (
    <article className="admin-order" aria-labelledby="product-heading">
      <p>
        <Link href="/admin/products">← All products</Link>
      </p>
      <header className="admin-order__header">
        <div>
          <h1 id="product-heading">{product.title}</h1>
          <p className="muted">
            {product.handle} · <StatusBadge labels={PRODUCT_STATUS} value={product.status} />{" "}
            {product.status === "published" ? (
              <Link href={`/products/${product.handle}`}>
                View in the store<span className="visually-hidden"> (opens the storefront page)</span>
              </Link>
            ) : (
              <span>Not sold in the store</span>
            )}
          </p>
        </div>
      </header>

      <AdminNotices noticeRef={noticeRef} error={error} done={done} />

      <div className="admin-order__grid">
        <section className="summary-card" aria-labelledby="status-heading">
          <h2 id="status-heading">Status</h2>
          <form className="admin-form" onSubmit={saveStatus} key={product.status}>
            <SelectField id="product-status" name="product-status" label="Status" options={STATUS_CHOICES} defaultValue={product.status} />
            <p className="muted">Only published products are shown and sold in the store.</p>
            <button type="submit" className="button button--secondary" disabled={busy}>
              Save status
            </button>
          </form>
          <h3>Delete</h3>
          {confirmingDelete ? (
            <ConfirmDelete
              label="Confirm deletion"
              question={`Delete ${product.title}? A product that has orders is unpublished instead.`}
              busy={busy}
              onConfirm={remove}
              onKeep={() => setConfirmingDelete(false)}
            />
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirmingDelete(true)} disabled={busy}>
              Delete product
            </button>
          )}
        </section>

        <section className="summary-card" aria-labelledby="variants-heading">
          <h2 id="variants-heading">Variants: stock and prices</h2>
          {product.variants.map((variant) => (
            <VariantForm key={`${variant.id}:${product.updated_at}`} productId={product.id} variant={variant} currencies={currencyList} busy={busy} run={run} />
          ))}
        </section>
      </div>
    </article>
  );
}

function VariantForm({ productId, variant, currencies, busy, run }: { productId: string; variant: Variant; currencies: string[]; busy: boolean; run: Run }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const headingId = `variant-${variant.id}-heading`;
  const field = (name: string) => `${name}-${variant.id}`;

  async function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const found: Record<string, string> = {};
    const stockText = String(form.get(field("stock")) ?? "").trim();
    const stock = Number(stockText);
    if (!/^\d+$/.test(stockText) || !Number.isSafeInteger(stock)) found.stock = "Enter a whole number, 0 or more";
    const prices: PriceInput[] = [];
    for (const currency of currencies) {
      const text = String(form.get(field(`price-${currency}`)) ?? "").trim();
      if (!text) continue;
      const amount = parseMoney(text, currency);
      if (amount === null) found[`price-${currency}`] = `Enter an amount such as ${formatPlain(4900, currency)}`;
      else prices.push({ currency_code: currency, amount });
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    await run(`Saved ${variant.title}: ${stock} in stock.`, () =>
      adminClient.products.updateVariant(productId, variant.id, {
        inventory_quantity: stock,
        manage_inventory: form.get(field("manage")) === "on",
        allow_backorder: form.get(field("backorder")) === "on",
        prices,
      }),
    );
  }

  return (
    <form className="admin-form admin-variant" aria-labelledby={headingId} onSubmit={save} noValidate>
      <h3 id={headingId}>{variant.title}</h3>
      {variant.sku ? <p className="muted">SKU {variant.sku}</p> : null}
      <TextField id={field("stock")} name={field("stock")} label="Stock" inputMode="numeric" defaultValue={String(variant.inventory_quantity)} error={errors.stock} autoComplete="off" />
      <label className="checkbox">
        <input type="checkbox" name={field("manage")} defaultChecked={variant.manage_inventory} />
        Track stock (sell only what is in stock)
      </label>
      <label className="checkbox">
        <input type="checkbox" name={field("backorder")} defaultChecked={variant.allow_backorder} />
        Allow orders when out of stock
      </label>
      {currencies.map((currency) => {
        const price = variant.prices.find((candidate) => candidate.currency_code === currency);
        return (
          <TextField
            key={currency}
            id={field(`price-${currency}`)}
            name={field(`price-${currency}`)}
            label={`Price (${currency.toUpperCase()})`}
            inputMode="decimal"
            autoComplete="off"
            optional
            defaultValue={price ? formatPlain(price.amount, currency) : ""}
            error={errors[`price-${currency}`]}
          />
        );
      })}
      <p className="muted">A price left empty is removed: the variant is not sold in that currency.</p>
      <button type="submit" className="button button--secondary" disabled={busy}>
        Save {variant.title}
      </button>
    </form>
  );
}
