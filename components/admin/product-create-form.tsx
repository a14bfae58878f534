"use client";
// A new product: title, handle, description, status, an image URL, its options (e.g. Size with
// the values S, M, L) and one variant per combination of values, each with its stock and a price
// in each of the store's currencies. The Admin API checks everything again; its refusal is shown.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { adminClient, type NewProduct, type PriceInput } from "@/lib/sdk/admin";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/text-field";
import { signInPath } from "./admin-shell";
import { formatPlain, parseMoney } from "./money-input";
import { PRODUCT_STATUS } from "./status-labels";

type OptionRow = { key: number; title: string; values: string };

const STATUS_CHOICES = Object.entries(PRODUCT_STATUS).map(([value, label]) => ({ value, label }));
const MAX_VARIANTS = 100;

const valuesOf = (row: OptionRow) => [...new Set(row.values.split(",").map((value) => value.trim()).filter(Boolean))];

/** Every combination of the options' values; one variant ("Default") when there are no options. */
function combinations(options: OptionRow[]): string[][] {
  return options.reduce<string[][]>((rows, option) => rows.flatMap((row) => valuesOf(option).map((value) => [...row, value])), [[]]);
}

export function ProductCreateForm() {
  const router = useRouter();
  const pathname = usePathname();
  const [currencies, setCurrencies] = useState<string[]>([]);
  const [options, setOptions] = useState<OptionRow[]>([{ key: 1, title: "Size", values: "" }]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    adminClient.regions
      .list()
      .then(({ regions }) => setCurrencies([...new Set(regions.map((region) => region.currency_code))]))
      .catch((failure: unknown) => {
        if (isStoreApiError(failure) && failure.status === 401) router.replace(signInPath(pathname));
        else setError("The store's currencies could not be loaded");
      });
  }, [router, pathname]);

  const named = options.filter((option) => option.title.trim() || option.values.trim());
  const variants = combinations(named).slice(0, MAX_VARIANTS);

  /** A corrected field loses its message at once, so the form never shows stale errors. */
  function clearError(event: React.FormEvent<HTMLFormElement>) {
    const id = (event.target as HTMLElement).id;
    if (!id || !errors[id]) return;
    const rest = Object.fromEntries(Object.entries(errors).filter(([name]) => name !== id));
    setErrors(rest);
    if (Object.keys(rest).length === 0) setError(null);
  }

  function changeOption(key: number, change: Partial<OptionRow>) {
    setOptions((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const found: Record<string, string> = {};
    if (!text("title")) found.title = "Enter the product's title";
    const handle = text("handle");
    if (handle && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(handle)) found.handle = "Use lower-case letters, digits and single dashes, e.g. linen-shirt";
    const image = text("image");
    if (image && !/^(https?:\/\/\S+|\/\S+)$/.test(image)) found.image = "Enter an address starting with https:// (or a path starting with /)";
    for (const option of named) {
      if (!option.title.trim()) found[`option-${option.key}-title`] = "Name the option, e.g. Size";
      if (valuesOf(option).length === 0) found[`option-${option.key}-values`] = "Enter at least one value, e.g. S, M, L";
    }
    const built: NewProduct["variants"] = variants.map((values, index) => {
      const stockText = text(`v${index}-stock`) || "0";
      if (!/^\d+$/.test(stockText)) found[`v${index}-stock`] = "Enter a whole number, 0 or more";
      const prices: PriceInput[] = [];
      for (const currency of currencies) {
        const priceText = text(`v${index}-price-${currency}`);
        if (!priceText) continue;
        const amount = parseMoney(priceText, currency);
        if (amount === null) found[`v${index}-price-${currency}`] = `Enter an amount such as ${formatPlain(4900, currency)}`;
        else prices.push({ currency_code: currency, amount });
      }
      return { inventory_quantity: Number(stockText) || 0, manage_inventory: true, prices, options: values.map((value) => ({ value })) };
    });
    setErrors(found);
    if (Object.keys(found).length) {
      setError("Some fields need your attention: see the messages below them.");
      errorRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const product = await adminClient.products.create({
        title: text("title"),
        ...(handle ? { handle } : {}),
        description: text("description"),
        status: text("status"),
        images: image ? [image] : [],
        options: named.map((option) => ({ title: option.title.trim() })),
        variants: built,
      });
      router.push(`/admin/products/${product.id}`);
    } catch (failure) {
      if (isStoreApiError(failure) && failure.status === 401) router.replace(signInPath(pathname));
      setError(isStoreApiError(failure) ? failure.message : "The product could not be created; try again");
      errorRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="new-product-heading">
      <p>
        <Link href="/admin/products">← All products</Link>
      </p>
      <h1 id="new-product-heading">New product</h1>
      <div ref={errorRef} tabIndex={-1} className="admin-order__notices">
        <ErrorMessage>{error}</ErrorMessage>
      </div>
      <form className="admin-form admin-create" onSubmit={submit} onInput={clearError} noValidate aria-labelledby="new-product-heading">
        <TextField id="title" name="title" label="Title" error={errors.title} autoComplete="off" maxLength={200} />
        <TextField id="handle" name="handle" label="Handle (the address of its page)" optional error={errors.handle} autoComplete="off" maxLength={100} />
        <TextField id="description" name="description" label="Description" optional autoComplete="off" maxLength={5000} />
        <TextField id="image" name="image" label="Image URL" optional type="url" error={errors.image} autoComplete="off" />
        <SelectField id="status" name="status" label="Status" options={STATUS_CHOICES} defaultValue="draft" />

        <fieldset className="admin-fieldset">
          <legend>Options</legend>
          <p className="muted">Each combination of values becomes a variant. Leave the options empty for a product with one variant.</p>
          {options.map((option, index) => (
            <div key={option.key} className="admin-option-row" role="group" aria-label={`Option ${index + 1}`}>
              <TextField
                id={`option-${option.key}-title`}
                label={`Option ${index + 1} name`}
                value={option.title}
                onChange={(event) => changeOption(option.key, { title: event.target.value })}
                error={errors[`option-${option.key}-title`]}
                optional
                autoComplete="off"
              />
              <TextField
                id={`option-${option.key}-values`}
                label={`Option ${index + 1} values, separated by commas`}
                value={option.values}
                onChange={(event) => changeOption(option.key, { values: event.target.value })}
                error={errors[`option-${option.key}-values`]}
                optional
                autoComplete="off"
              />
              <button type="button" className="link-button" onClick={() => setOptions((rows) => rows.filter((row) => row.key !== option.key))}>
                Remove option {index + 1}
              </button>
            </div>
          ))}
          {options.length < 3 ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setOptions((rows) => [...rows, { key: Math.max(0, ...rows.map((row) => row.key)) + 1, title: "", values: "" }])}
            >
              Add an option
            </button>
          ) : null}
        </fieldset>

        <fieldset className="admin-fieldset">
          <legend>Variants: stock and prices</legend>
          {variants.map((values, index) => {
            const name = values.join(" / ") || "Default variant";
            return (
              <div key={values.join("\u0000") || "default"} className="admin-variant" role="group" aria-label={name}>
                <h3>{name}</h3>
                <TextField id={`v${index}-stock`} name={`v${index}-stock`} label={`Stock of ${name}`} inputMode="numeric" defaultValue="0" error={errors[`v${index}-stock`]} autoComplete="off" />
                {currencies.map((currency) => (
                  <TextField
                    key={currency}
                    id={`v${index}-price-${currency}`}
                    name={`v${index}-price-${currency}`}
                    label={`Price of ${name} (${currency.toUpperCase()})`}
                    inputMode="decimal"
                    optional
                    error={errors[`v${index}-price-${currency}`]}
                    autoComplete="off"
                  />
                ))}
              </div>
            );
          })}
        </fieldset>
        <button type="submit" className="button button--primary" disabled={busy}>
          Create product
        </button>
      </form>
    </section>
  );
}
