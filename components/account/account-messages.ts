// The words an account form shows when the store refuses, in one place.
import { isStoreApiError } from "@/lib/sdk/store-api-error";

export function refusalMessage(error: unknown, fallback: string): string {
  if (!isStoreApiError(error)) return fallback;
  if (error.status === 429) return "Too many attempts. Please wait a few minutes and try again.";
  return error.message || fallback;
}
