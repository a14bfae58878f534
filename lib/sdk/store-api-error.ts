// What a failed Store API call becomes: the server's {type, message, code} plus the HTTP status.
// Status 0 means no answer at all (offline, DNS, the server went away).

export class StoreApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly code: string | undefined;

  constructor(init: { status: number; type: string; message: string; code?: string }) {
    super(init.message);
    this.name = "StoreApiError";
    this.status = init.status;
    this.type = init.type;
    this.code = init.code;
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

export function isStoreApiError(error: unknown): error is StoreApiError {
  return error instanceof StoreApiError;
}
