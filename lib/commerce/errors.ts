// The errors the Store API answers with, Medusa v1's {type, message, code?} with its statuses.
// Domain code throws these; the route layer turns them into JSON. Anything else is a bug (500).

export type StoreErrorType =
  | "invalid_data"
  | "not_allowed"
  | "not_found"
  | "unauthorized"
  | "conflict"
  | "duplicate_error"
  | "payment_authorization_error"
  | "payload_too_large"
  | "unsupported_media_type"
  | "database_unavailable"
  | "too_many_requests";

const STATUS_BY_TYPE: Record<StoreErrorType, number> = {
  invalid_data: 400,
  not_allowed: 400,
  not_found: 404,
  unauthorized: 401,
  conflict: 409,
  duplicate_error: 422,
  payment_authorization_error: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  database_unavailable: 503,
  too_many_requests: 429,
};

export class StoreError extends Error {
  readonly type: StoreErrorType;
  readonly code?: string;
  /** Extra response headers the answer needs, e.g. Retry-After on a 503 or Allow on a 405. */
  readonly headers: Record<string, string>;

  constructor(type: StoreErrorType, message: string, code?: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = "StoreError";
    this.type = type;
    this.code = code;
    this.headers = headers;
  }

  get status(): number {
    return STATUS_BY_TYPE[this.type];
  }

  toJSON(): { type: StoreErrorType; message: string; code?: string } {
    return this.code ? { type: this.type, message: this.message, code: this.code } : { type: this.type, message: this.message };
  }
}

export const notFound = (what: string, id: string) => new StoreError("not_found", `${what} with id ${id} was not found`);

export const invalidData = (message: string, code?: string) => new StoreError("invalid_data", message, code);

export const notAllowed = (message: string, code?: string) => new StoreError("not_allowed", message, code);

export const conflict = (message: string) => new StoreError("conflict", message, "invalid_state_error");

export const cartCompleted = (cartId: string) =>
  notAllowed(`Cart ${cartId} is completed and can no longer be changed`, "cart_completed");

/** A transaction lost to another (deadlock, serialization failure, lock wait) every time it was tried. */
export const transactionConflict = () =>
  new StoreError("conflict", "The store was busy with a conflicting change; try again", "transaction_conflict");

/** The database did not answer (down, unreachable, too slow); clients may retry after a pause. */
export const databaseUnavailable = (retryAfterSeconds = 5) =>
  new StoreError("database_unavailable", "The store's database is unavailable; try again shortly", "database_unavailable", {
    "retry-after": String(retryAfterSeconds),
  });

export const unauthorized = (message = "You must be signed in") => new StoreError("unauthorized", message);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new StoreError("too_many_requests", `Too many attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, "rate_limited", {
    "retry-after": String(retryAfterSeconds),
  });
