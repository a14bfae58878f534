"use client";
// Events on their way to their subscribers (emails, the webhook), for the merchant: what waits,
// what keeps failing (and why), and what is dead after the last retry, which the merchant can
// send back once the cause is fixed (an SMTP server back up, a webhook URL corrected).
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useRef, useState } from "react";
import { adminMailClient, type AdminEventDelivery } from "@/lib/sdk/admin-mail";
import { isStoreApiError } from "@/lib/sdk/store-api-error";
import { ErrorMessage } from "@/components/ui/error-message";
import { SelectField } from "@/components/ui/text-field";
import { when } from "./mailbox-list";
import { useAdminLoad } from "./use-admin-load";
import { AdminListState } from "./admin-list-state";
import { useUrlPage } from "./use-url-page";

const PAGE_SIZE = 25;

const FILTERS = { unfinished: "Not delivered (waiting, failing or dead)", pending: "Waiting or failing", failing: "Failing", dead: "Dead" } as const;

const SUBSCRIBERS: Record<string, string> = { email: "Email", webhook: "Webhook" };

function stateOf(delivery: AdminEventDelivery): { label: string; badge: string } {
  if (delivery.status === "dead") return { label: "Dead", badge: "canceled" };
  if (delivery.last_error) return { label: "Failing, retrying", badge: "attention" };
  return { label: "Waiting", badge: "pending" };
}

export function EventDeliveries() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { page, offset, goTo, pagesOf } = useUrlPage(PAGE_SIZE);
  const filter = (params.get("status") ?? "unfinished") as keyof typeof FILTERS;
  const key = params.toString();
  const { data: list, error, reload } = useAdminLoad(
    () => adminMailClient.eventDeliveries.list({ status: filter, limit: PAGE_SIZE, offset }),
    key,
    "The event deliveries",
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);

  function applyFilter(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("status") ?? "");
    router.push(value && value !== "unfinished" ? `${pathname}?status=${value}` : pathname);
  }

  async function retry(delivery: AdminEventDelivery) {
    setBusy(delivery.id);
    setNotice(null);
    setActionError(null);
    try {
      await adminMailClient.eventDeliveries.retry(delivery.id);
      setNotice(`${delivery.event_name} is sent back to ${SUBSCRIBERS[delivery.subscriber] ?? delivery.subscriber}: it is tried again at once.`);
      reload();
    } catch (failure) {
      setActionError(isStoreApiError(failure) ? failure.message : "The retry did not work; try again");
    } finally {
      setBusy(null);
      noticeRef.current?.focus();
    }
  }

  return (
    <section aria-labelledby="events-heading">
      <h1 id="events-heading">Events</h1>
      <p className="muted">
        Every change to an order or an account is an event, handed to each subscriber (the shopper&apos;s emails, the webhook) with retries and backoff.
        Delivered events are not listed; a delivery that failed every retry is dead until you retry it.
      </p>
      {list ? (
        <dl className="admin-counts" data-testid="delivery-counts">
          <div>
            <dt>Waiting or failing</dt>
            <dd>{list.counts.pending}</dd>
          </div>
          <div>
            <dt>Failing</dt>
            <dd>{list.counts.failing}</dd>
          </div>
          <div>
            <dt>Dead</dt>
            <dd>{list.counts.dead}</dd>
          </div>
        </dl>
      ) : null}
      <form className="admin-filters" onSubmit={applyFilter} aria-label="Filter deliveries" key={key}>
        <SelectField id="status" name="status" label="Show" options={Object.entries(FILTERS).map(([value, label]) => ({ value, label }))} defaultValue={filter} />
        <button type="submit" className="button button--secondary">
          Apply
        </button>
      </form>
      <div ref={noticeRef} tabIndex={-1} className="admin-order__notices">
        <ErrorMessage>{error ?? actionError}</ErrorMessage>
        {notice ? (
          <p className="notice notice--success" role="status">
            {notice}
          </p>
        ) : null}
      </div>
      <AdminListState
        rows={list?.deliveries}
        count={list?.count}
        failed={Boolean(error)}
        loading="Loading the deliveries…"
        empty="Nothing here: every event was delivered."
        paging={{ label: "Pages of deliveries", page, pagesOf, onPage: goTo }}
      >
        {(rows) => (
          <div className="admin-table-scroll">
            <table className="admin-table" data-testid="deliveries">
              <caption className="visually-hidden">Event deliveries, newest event first</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col">About</th>
                  <th scope="col">To</th>
                  <th scope="col">State</th>
                  <th scope="col" className="admin-table__number">
                    Attempts
                  </th>
                  <th scope="col">Last error</th>
                  <th scope="col">Next try</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((delivery) => {
                  const state = stateOf(delivery);
                  return (
                    <tr key={delivery.id}>
                      <th scope="row">
                        <code>{delivery.event_name}</code>
                        <br />
                        <time className="muted" dateTime={delivery.event_created_at}>
                          {when(delivery.event_created_at)}
                        </time>
                      </th>
                      <td>{delivery.resource_id.startsWith("order_") ? <Link href={`/admin/orders/${delivery.resource_id}`}>Order</Link> : <code>{delivery.resource_id}</code>}</td>
                      <td>{SUBSCRIBERS[delivery.subscriber] ?? delivery.subscriber}</td>
                      <td>
                        <span className={`status-badge status-badge--${state.badge}`}>{state.label}</span>
                        {delivery.retried_by ? (
                          <span className="muted">
                            <br />
                            retried by {delivery.retried_by}, {when(delivery.retried_at)}
                          </span>
                        ) : null}
                      </td>
                      <td className="admin-table__number">{delivery.attempts}</td>
                      <td className="admin-deliveries__error">{delivery.last_error ?? "—"}</td>
                      <td>{delivery.next_attempt_at ? <time dateTime={delivery.next_attempt_at}>{when(delivery.next_attempt_at)}</time> : "—"}</td>
                      <td>
                        {delivery.status === "dead" ? (
                          <button
                            type="button"
                            className="button button--secondary"
                            disabled={busy !== null}
                            onClick={() => retry(delivery)}
                            aria-label={`Retry ${delivery.event_name} to ${SUBSCRIBERS[delivery.subscriber] ?? delivery.subscriber}`}
                          >
                            {busy === delivery.id ? "Retrying…" : "Retry"}
                          </button>
                        ) : null}
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
