import type { ReactNode } from "react";
import { AdminPaging } from "./admin-paging";

// The states every back-office list goes through, in one place: loading (nothing while an error is
// shown above), "nothing matches", then the count, the table the caller renders, and the paging.
export function AdminListState<Row>({
  rows,
  count,
  failed,
  loading,
  empty,
  noun,
  paging,
  children,
}: {
  rows: Row[] | undefined;
  count: number | undefined;
  failed: boolean;
  loading: string;
  empty: ReactNode;
  /** Singular and plural for the "12 orders" line; without it no count line is shown. */
  noun?: readonly [string, string];
  paging: { label: string; page: number; pagesOf: (count: number) => number; onPage: (page: number) => void };
  children: (rows: Row[]) => ReactNode;
}) {
  if (!rows || count === undefined) {
    return failed ? null : (
      <p className="muted" role="status">
        {loading}
      </p>
    );
  }
  if (rows.length === 0) {
    return (
      <p className="empty-note" role="status">
        {empty}
      </p>
    );
  }
  return (
    <>
      {noun ? (
        <p className="muted" role="status">
          {count} {count === 1 ? noun[0] : noun[1]}
        </p>
      ) : null}
      {children(rows)}
      <AdminPaging label={paging.label} page={paging.page} pages={paging.pagesOf(count)} onPage={paging.onPage} />
    </>
  );
}
