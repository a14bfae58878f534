// Whether this instance can serve: the database answers and has every committed migration.
import { db, databaseTarget } from "./client";
import { describeDatabaseError } from "./database-errors";
import { readMigrations } from "./migrate";

export async function checkStoreHealth(): Promise<{ ok: boolean; database: string; message?: string }> {
  const target = databaseTarget();
  try {
    const applied = await db().$queryRawUnsafe<{ migration_name: string }[]>(
      `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const names = new Set(applied.map((row) => row.migration_name));
    const missing = readMigrations(target.dialect).filter((migration) => !names.has(migration.name));
    if (missing.length) return { ok: false, database: target.dialect, message: `${missing.length} migration(s) not applied` };
    return { ok: true, database: target.dialect };
  } catch (error) {
    return { ok: false, database: target.dialect, message: describeDatabaseError(error) };
  }
}
