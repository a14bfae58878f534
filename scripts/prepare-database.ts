// Migrates the database DATABASE_URL names (a SQLite file inside the project by default) and
// seeds the demo store into it when it is empty. Run by `npm start`, `npm run dev` and the tests.
import { seedDemoStoreIfEmpty } from "../prisma/seed";
import { db, disconnectDb } from "../lib/db/client";
import { describeDatabaseTarget, resolveDatabaseTarget } from "../lib/db/database-url";
import { applyMigrations } from "../lib/db/migrate";

export async function prepareDatabase(options: { quiet?: boolean } = {}): Promise<void> {
  const log = options.quiet ? () => {} : (line: string) => console.log(line);
  const target = resolveDatabaseTarget();
  log(`database: ${describeDatabaseTarget(target)}`);
  const applied = await applyMigrations(target);
  log(applied.length ? `database: applied ${applied.join(", ")}` : "database: migrations up to date");
  if (await seedDemoStoreIfEmpty(db())) log("database: seeded the demo store");
  await disconnectDb();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
