// `npm run create-admin -- --email E --password P`: makes a merchant who can sign in to the back
// office (/admin) and the Admin API, or sets the password of the one with that email. Migrates
// the database DATABASE_URL names first, so it works on a store that never started.
import { parseArgs } from "node:util";
import { disconnectDb } from "../lib/db/client";
import { resolveDatabaseTarget, describeDatabaseTarget } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";
import { StoreError } from "../lib/commerce/errors";
import { createOrUpdateUser } from "../lib/users/users";

async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, password: { type: "string" } } });
  if (!values.email || !values.password) {
    console.error("usage: npm run create-admin -- --email you@example.com --password 'a long password'");
    process.exit(2);
  }
  const target = resolveDatabaseTarget();
  await applyMigrations(target);
  const { user, created } = await createOrUpdateUser({ email: values.email, password: values.password });
  console.log(`${created ? "Created the admin" : "Set the password of"} ${user.email} in ${describeDatabaseTarget(target)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof StoreError ? error.message : error);
    process.exitCode = 1;
  })
  .finally(disconnectDb);
