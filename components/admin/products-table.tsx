"use client";
// The catalogue: search by title, handle or SKU, filter by status, page through. The filters live
// in the address, as on the orders list.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { adminClient } from "@/lib/sdk/admin";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField, TextField } from "@/components/ui/text-field";
import { PRODUCT_STATUS, StatusBadge } from "./status-labels";
import { AdminListState } from "./admin-list-state";
import { useAdminLoad } from "./use-admin-load";
import { useUrlPage } from "./use-url-page";

const PAGE_SIZE = 20;

const STATUS_CHOICES = [{ value: "", label: "Any" }, ...Object.entries(PRODUCT_STATUS).map(([value, label]) => ({ value, label }))];

export function ProductsTable() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { page, offset, goTo, pagesOf } = useUrlPage(PAGE_SIZE);
  const q = params.get("q") ?? "";
  const status = params.get("status") ?? "";
  const key = params.toString();
  const { data: list, error } = useAdminLoad(
    () => adminClient.products.list({ q: q || undefined, status: status ? [status] : undefined, limit: PAGE_SIZE, offset }),
    key,
    "The products",
  );

  function apply(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ["q", "status"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value) next.set(name, value);
    }
    router.push(`${pathname}${next.size ? `?${next}` : ""}`);
  }

  return (
    <section aria-labelledby="products-heading">
      <div className="admin-page-header">
        <h1 id="products-heading">Products</h1>
        <Link href="/admin/products/new" className="button button--primary">
          New product
        </Link>
      </div>
      <form className="admin-filters" onSubmit={apply} role="search" aria-label="Find products" key={key}>
        <TextField id="q" name="q" type="search" label="Title, handle or SKU" defaultValue={q} optional />
        <SelectField id="status" name="status" label="Status" options={STATUS_CHOICES} defaultValue={status} required={false} />
        <button type="submit" className="button button--secondary">
          Apply
        </button>
      </form>
      <ErrorMessage>{error}</ErrorMessage>
      <AdminListState
        rows={list?.products}
        count={list?.count}
        failed={Boolean(error)}
        loading="Loading products…"
        empty="No products match."
        noun={["product", "products"]}
        paging={{ label: "Pages of products", page, pagesOf, onPage: goTo }}
      >
        {(rows) => (
          <div className="admin-table-scroll">
            <table className="admin-table">
              <caption className="visually-hidden">Products, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Handle</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="admin-table__number">
                    Variants
                  </th>
                  <th scope="col" className="admin-table__number">
                    In stock
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((product) => {
                  const managed = product.variants.filter((variant) => variant.manage_inventory);
                  return (
                    <tr key={product.id}>
                      <th scope="row">
                        <Link href={`/admin/products/${product.id}`}>{product.title}</Link>
                      </th>
                      <td>{product.handle}</td>
                      <td>
                        <StatusBadge labels={PRODUCT_STATUS} value={product.status} />
                      </td>
                      <td className="admin-table__number">{product.variants.length}</td>
                      <td className="admin-table__number">
                        {managed.length ? managed.reduce((sum, variant) => sum + variant.inventory_quantity, 0) : "Not tracked"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </AdminListState>
    </section>
  );
}
