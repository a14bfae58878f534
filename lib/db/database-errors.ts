// What a database error means for the caller, whichever dialect and layer raised it (Prisma's
// P-codes, the driver adapter's kinds, PostgreSQL's SQLSTATEs, node's socket codes, SQLite's
// codes). Three answers matter at the edge:
//   conflict     another transaction got in the way (deadlock, serialization, lock wait):
//                running the transaction again is safe and usually succeeds
//   unavailable  the database cannot be reached or does not answer in time: 503, retry later
//   bad_input    the database refused a value (e.g. an invalid byte sequence): a 400, and a sign
//                that validation at the edge missed something
//   vanished     a row the write needed was gone (deleted by a concurrent request since it was
//                read): the request raced another one, so it is a conflict for the client (409),
//                but running the same transaction again would not find the row either
export type DatabaseErrorKind = "conflict" | "unavailable" | "bad_input" | "vanished";

const CONFLICT_CODES = new Set([
  "40P01", // deadlock_detected
  "40001", // serialization_failure
  "55P03", // lock_not_available (lock_timeout)
  "P2034", // Prisma: transaction failed due to a write conflict or a deadlock
  "P2028", // Prisma: transaction API error (could not start in time, expired while waiting)
  "SQLITE_BUSY",
  "SQLITE_BUSY_SNAPSHOT",
  "SQLITE_LOCKED",
]);
const CONFLICT_KINDS = new Set(["TransactionWriteConflict"]);

const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57014", // query_canceled: statement_timeout
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up)
  "53300", // too_many_connections
  "3D000", // database does not exist
  "28P01", // authentication failed
  "P1001", // Prisma: can't reach database server
  "P1002", // Prisma: database server timed out
  "P1008", // Prisma: operation timed out
  "P1017", // Prisma: server closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
  "SQLITE_CANTOPEN",
  "SQLITE_IOERR",
  "SQLITE_FULL",
  "SQLITE_READONLY",
]);
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "DatabaseDoesNotExist",
  "DatabaseAccessDenied",
  "AuthenticationFailed",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TlsConnectionError",
]);
const UNAVAILABLE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /^timeout expired$/i, // pg.Client connectionTimeoutMillis
  /connection terminated/i,
  /query read timeout/i,
  /cannot open database/i,
  /unable to open database/i,
  /directory does not exist/i,
  /can't reach database server/i,
  /connection (?:refused|reset|closed)/i,
];
// Class 22 (data exception) is always about a value: 22021 invalid byte sequence (a NUL), 22001
// too long, 22P02 invalid text representation, …
const BAD_INPUT_CODE = /^22[0-9A-Z]{3}$/;

/** The codes, kinds and messages an error carries anywhere in its chain of causes. */
function signals(error: unknown): { codes: Set<string>; kinds: Set<string>; messages: string[] } {
  const codes = new Set<string>();
  const kinds = new Set<string>();
  const messages: string[] = [];
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length && seen.size < 20) {
    const item = queue.shift();
    if (typeof item !== "object" || item === null || seen.has(item)) continue;
    seen.add(item);
    const record = item as Record<string, unknown>;
    for (const key of ["code", "originalCode", "errorCode"]) if (typeof record[key] === "string") codes.add(record[key] as string);
    if (typeof record.kind === "string") kinds.add(record.kind);
    for (const key of ["message", "originalMessage"]) if (typeof record[key] === "string") messages.push(record[key] as string);
    queue.push(record.cause, record.meta, record.driverAdapterError, record.error);
    if (Array.isArray(record.errors)) queue.push(...record.errors);
  }
  return { codes, kinds, messages };
}

export function classifyDatabaseError(error: unknown): DatabaseErrorKind | null {
  const { codes, kinds, messages } = signals(error);
  const hasCode = (set: Set<string>) => [...codes].some((code) => set.has(code));
  if (hasCode(CONFLICT_CODES) || [...kinds].some((kind) => CONFLICT_KINDS.has(kind))) return "conflict";
  if (messages.some((message) => /database is locked|deadlock detected|could not serialize access/i.test(message))) return "conflict";
  if (hasCode(UNAVAILABLE_CODES) || [...kinds].some((kind) => UNAVAILABLE_KINDS.has(kind))) return "unavailable";
  if (messages.some((message) => UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message)))) return "unavailable";
  if ([...codes].some((code) => BAD_INPUT_CODE.test(code))) return "bad_input";
  if (codes.has("P2025")) return "vanished";
  return null;
}

export const isTransactionConflict = (error: unknown) => classifyDatabaseError(error) === "conflict";

/**
 * Runs `attempt` again when it lost to a conflicting transaction: up to `attempts` times, waiting
 * a random, growing pause in between so that the transactions that collided do not collide again
 * in lockstep. Only for work that is undone as a whole when it fails (one transaction).
 */
/** How many conflicting transactions this process ran again (a figure for tests and benchmarks). */
export const conflictRetries = { count: 0 };

export async function retryOnConflict<T>(attempt: () => Promise<T>, attempts = 4, baseDelayMs = 15): Promise<T> {
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (tried >= attempts || !isTransactionConflict(error)) throw error;
      conflictRetries.count++;
      const ceiling = baseDelayMs * 2 ** tried;
      await new Promise((resolve) => setTimeout(resolve, ceiling / 2 + Math.random() * ceiling));
    }
  }
}

/** One line that tells an operator why the database failed, for health and start-up messages. */
export function describeDatabaseError(error: unknown): string {
  const { codes, kinds, messages } = signals(error);
  const has = (...values: string[]) => values.some((value) => codes.has(value) || kinds.has(value));
  if (has("ECONNREFUSED", "DatabaseNotReachable", "P1001")) return "the database server refused the connection (is it running, and is the host and port right?)";
  if (has("ENOTFOUND")) return "the database host name does not resolve";
  if (has("ETIMEDOUT", "SocketTimeout", "P1002", "P1008", "57014") || messages.some((message) => /timeout/i.test(message))) {
    return "the database did not answer in time (connect or statement timeout)";
  }
  if (has("28P01", "AuthenticationFailed", "DatabaseAccessDenied")) return "the database refused the credentials";
  if (has("3D000", "DatabaseDoesNotExist")) return "the database does not exist";
  if (has("53300", "TooManyConnections")) return "the database has no free connections";
  if (has("57P03")) return "the database is starting up";
  if (has("ECONNRESET", "ConnectionClosed", "P1017") || messages.some((message) => /terminated|closed/i.test(message))) {
    return "the database closed the connection";
  }
  if (messages.some((message) => /does not exist|cannot open|unable to open/i.test(message))) return "the database file cannot be opened";
  const first = messages.find((message) => message.trim());
  return first ? first.split("\n")[0].slice(0, 200) : `unreachable (${[...codes, ...kinds].join(", ") || "no error code"})`;
}
