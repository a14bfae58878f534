"use client";
// The orders list: search by email or order number, filter by status, page through. The filters
// live in the address, so a filtered list can be bookmarked and Back returns to it.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { adminClient } from "@/lib/sdk/admin";
import { ErrorMessage } from "@/components/ui/error-message";
import { formatMoney } from "@/components/ui/format-money";
import { SelectField, TextField } from "@/components/ui/text-field";
import { FULFILLMENT_STATUS, ORDER_STATUS, PAYMENT_STATUS, StatusBadge } from "./status-labels";
import { AdminListState } from "./admin-list-state";
import { useAdminLoad } from "./use-admin-load";
import { useUrlPage } from "./use-url-page";

const PAGE_SIZE = 20;

const choices = (labels: Record<string, string>) => [{ value: "", label: "Any" }, ...Object.entries(labels).map(([value, label]) => ({ value, label }))];

export function OrdersTable() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { page, offset, goTo, pagesOf } = useUrlPage(PAGE_SIZE);
  const filters = {
    q: params.get("q") ?? "",
    status: params.get("status") ?? "",
    payment_status: params.get("payment_status") ?? "",
    fulfillment_status: params.get("fulfillment_status") ?? "",
  };
  const key = params.toString();
  const { data: list, error } = useAdminLoad(
    () =>
      adminClient.orders.list({
        q: filters.q || undefined,
        status: filters.status ? [filters.status] : undefined,
        payment_status: filters.payment_status ? [filters.payment_status] : undefined,
        fulfillment_status: filters.fulfillment_status ? [filters.fulfillment_status] : undefined,
        limit: PAGE_SIZE,
        offset,
      }),
    key,
    "The orders",
  );

  function apply(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const name of ["q", "status", "payment_status", "fulfillment_status"]) {
      const value = String(form.get(name) ?? "").trim();
      if (value) next.set(name, value);
    }
    router.push(`${pathname}${next.size ? `?${next}` : ""}`);
  }

  return (
    <section aria-labelledby="orders-heading">
      <h1 id="orders-heading">Orders</h1>
      <form className="admin-filters" onSubmit={apply} role="search" aria-label="Find orders" key={key}>
        <TextField id="q" name="q" type="search" label="Email or order number" defaultValue={filters.q} optional />
        <SelectField id="status" name="status" label="Status" options={choices(ORDER_STATUS)} defaultValue={filters.status} required={false} />
        <SelectField id="payment_status" name="payment_status" label="Payment" options={choices(PAYMENT_STATUS)} defaultValue={filters.payment_status} required={false} />
        <SelectField
          id="fulfillment_status"
          name="fulfillment_status"
          label="Fulfillment"
          options={choices(FULFILLMENT_STATUS)}
          defaultValue={filters.fulfillment_status}
          required={false}
        />
        <button type="submit" className="button button--secondary">
          Apply
        </button>
      </form>
      <ErrorMessage>{error}</ErrorMessage>
      <AdminListState
        rows={list?.orders}
        count={list?.count}
        failed={Boolean(error)}
        loading="Loading orders…"
        empty="No orders match."
        noun={["order", "orders"]}
        paging={{ label: "Pages of orders", page, pagesOf, onPage: goTo }}
      >
        {(rows) => (
          <div className="admin-table-scroll">
            <table className="admin-table">
              <caption className="visually-hidden">Orders, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Placed</th>
                  <th scope="col">Customer</th>
                  <th scope="col">Payment</th>
                  <th scope="col">Fulfillment</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="admin-table__number">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((order) => (
                  <tr key={order.id}>
                    <th scope="row">
                      <Link href={`/admin/orders/${order.id}`}>#{order.display_id}</Link>
                      {order.attention_reason ? <span className="status-badge status-badge--attention">Needs attention</span> : null}
                    </th>
                    <td>{new Date(order.created_at!).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short" })}</td>
                    <td>{order.email}</td>
                    <td>
                      <StatusBadge labels={PAYMENT_STATUS} value={order.payment_status} />
                    </td>
                    <td>
                      <StatusBadge labels={FULFILLMENT_STATUS} value={order.fulfillment_status} />
                    </td>
                    <td>
                      <StatusBadge labels={ORDER_STATUS} value={order.status} />
                    </td>
                    <td className="admin-table__number">{formatMoney(order.total, order.currency_code)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </AdminListState>
    </section>
  );
}
