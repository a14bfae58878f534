"use client";
// The mailbox: every email the store kept (no SMTP_URL: all of them, exactly as a shopper would
// receive them), newest first, searchable by recipient. With SMTP configured, mail leaves the
// store and is not kept: the page says so and shows what was kept before.
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { adminMailClient } from "@/lib/sdk/admin-mail";
import { ErrorMessage } from "@/components/ui/error-message";
import { TextField } from "@/components/ui/text-field";
import { useAdminLoad } from "./use-admin-load";
import { AdminListState } from "./admin-list-state";
import { useUrlPage } from "./use-url-page";

const PAGE_SIZE = 25;
export const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium" }) : "");

export function MailboxList() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { page, offset, goTo, pagesOf } = useUrlPage(PAGE_SIZE);
  const to = params.get("to") ?? "";
  const key = params.toString();
  const { data: list, error, reload } = useAdminLoad(
    () => adminMailClient.mailbox.list({ to: to || undefined, limit: PAGE_SIZE, offset }),
    key,
    "The mailbox",
  );

  function search(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("to") ?? "").trim();
    // The same search again looks again (new mail may have arrived).
    if (value === to && page === 1) reload();
    else router.push(value ? `${pathname}?to=${encodeURIComponent(value)}` : pathname);
  }

  return (
    <section aria-labelledby="mailbox-heading">
      <h1 id="mailbox-heading">Mailbox</h1>
      {list?.transport === "smtp" ? (
        <p className="notice" data-testid="mail-transport">
          Emails go out through the SMTP server {list.smtp_host ? <code>{list.smtp_host}</code> : null} and the store keeps no copy of them. Whether each
          one was handed over is on the <Link href="/admin/events">Events</Link> page.{" "}
          {list.count > 0 ? "Below are the emails kept before SMTP was configured." : null}
        </p>
      ) : list ? (
        <p className="muted" data-testid="mail-transport">
          No SMTP server is configured (<code>SMTP_URL</code>), so emails are not sent: each one is kept here exactly as the shopper would receive it, and as an{" "}
          <code>.eml</code> file in the mailbox folder.
        </p>
      ) : null}
      <form className="admin-filters" onSubmit={search} role="search" aria-label="Find emails" key={key}>
        <TextField id="to" name="to" type="search" label="Recipient" defaultValue={to} optional />
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      <ErrorMessage>{error}</ErrorMessage>
      <AdminListState
        rows={list?.messages}
        count={list?.count}
        failed={Boolean(error)}
        loading="Loading the mailbox…"
        empty={to ? "No email to that recipient." : "No email yet. Place an order and its confirmation appears here."}
        noun={["email", "emails"]}
        paging={{ label: "Pages of emails", page, pagesOf, onPage: goTo }}
      >
        {(rows) => (
          <div className="admin-table-scroll">
            <table className="admin-table" data-testid="mailbox-list">
              <caption className="visually-hidden">Emails, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">To</th>
                  <th scope="col">Sent</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((message) => (
                  <tr key={message.id}>
                    <th scope="row">
                      <Link href={`/admin/mailbox/${message.id}`}>{message.subject}</Link>
                    </th>
                    <td>{message.to}</td>
                    <td>
                      <time dateTime={message.created_at}>{when(message.created_at)}</time>
                    </td>
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
