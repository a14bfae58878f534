// Where a sign-in sends the shopper afterwards (?next=): only a path on this site, so a crafted
// link cannot send them to another host after they typed their password.
export function safeReturnPath(next: string | string[] | undefined, fallback = "/account"): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  return /[\u0000-\u001f]/.test(value) ? fallback : value;
}
