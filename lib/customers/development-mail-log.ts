// Until the store sends emails (issue 8 delivers the outbox events), the reset and claim tokens are
// written to the server log so a developer can follow the links. Never in production: a log is no
// place for secrets.
export function logTokenForDevelopment(what: string, email: string, token: string): void {
  if (process.env.NODE_ENV === "production") return;
  console.info(`[development email] ${what} for ${email}: token=${token}`);
}
