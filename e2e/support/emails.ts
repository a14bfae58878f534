// What the store would email (issue 8 delivers it): the outbox event rows in the journey's SQLite
// database (DATABASE_URL from the test runner), read-only.
import Database from "better-sqlite3";
import { resolveDatabaseTarget } from "../../lib/db/database-url";

/** The token of the newest event of this name whose data names `email`. */
export function emailedToken(name: "customer.password_reset" | "order.claim_requested", email: string): string | null {
  const target = resolveDatabaseTarget();
  if (target.dialect !== "sqlite") throw new Error("the journeys run on SQLite");
  const database = new Database(target.filePath, { readonly: true });
  try {
    const rows = database.prepare(`SELECT "dataJson" FROM "OutboxEvent" WHERE "name" = ? ORDER BY "createdAt" DESC, "id" DESC`).all(name) as { dataJson: string }[];
    const match = rows.map((row) => JSON.parse(row.dataJson) as { email: string; token: string }).find((data) => data.email === email.toLowerCase());
    return match?.token ?? null;
  } finally {
    database.close();
  }
}
