// Which database the store talks to, decided once from DATABASE_URL:
//   unset              → the SQLite file data/store.db inside the project (created on first run)
//   file:PATH          → that SQLite file (relative paths are relative to the project folder)
//   postgres(ql)://…   → that PostgreSQL database
import path from "node:path";

export type DatabaseTarget =
  | { dialect: "sqlite"; url: string; filePath: string }
  | { dialect: "postgres"; url: string };

export const DEFAULT_SQLITE_URL = "file:data/store.db";

export function resolveDatabaseTarget(
  url: string | undefined = process.env.DATABASE_URL,
  projectRoot: string = process.cwd(),
): DatabaseTarget {
  const value = url?.trim() || DEFAULT_SQLITE_URL;
  if (value.startsWith("postgres://") || value.startsWith("postgresql://")) {
    return { dialect: "postgres", url: value };
  }
  if (value.startsWith("file:")) {
    const filePath = path.resolve(projectRoot, value.slice("file:".length));
    return { dialect: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); got "${value.replace(/\/\/[^@]*@/, "//…@")}"`,
  );
}

export function describeDatabaseTarget(target: DatabaseTarget): string {
  return target.dialect === "sqlite"
    ? `SQLite ${target.filePath}`
    : `PostgreSQL ${target.url.replace(/\/\/[^@]*@/, "//")}`;
}
