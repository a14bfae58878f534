// Prisma's better-sqlite3 adapter prepares every statement anew (about 7 % of a busy server's CPU
// in the benchmark's profile), although a store runs the same few hundred statements over and
// over. This keeps the prepared statements of the adapter's connection in a bounded LRU and
// hands the adapter a fresh binding of the cached statement each time (a better-sqlite3
// statement can be bound only once, so the adapter's `prepare(sql).bind(args)` gets an object
// that runs the cached statement with those arguments instead).
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

type Statement = {
  reader: boolean;
  run(args: unknown[]): unknown;
  columns(): unknown[];
  raw(toggle: boolean): { all(args: unknown[]): unknown[] };
};
type Connection = { prepare(sql: string): Statement; pragma(source: string): unknown };

const CACHE_SIZE = 500;

function cachePreparedStatements(connection: Connection) {
  const prepare = connection.prepare.bind(connection);
  const cache = new Map<string, Statement>();
  connection.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement) {
      cache.delete(sql); // most recently used last
    } else {
      statement = prepare(sql);
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    cache.set(sql, statement);
    const cached = statement;
    const bound = (args: unknown[]) => ({
      reader: cached.reader,
      run: () => cached.run(args),
      columns: () => cached.columns(),
      raw: () => ({ all: () => cached.raw(true).all(args) }),
    });
    // `prepare("BEGIN").run()` (no arguments) and `prepare(sql).bind(args).…` are what the adapter does.
    return { ...bound([]), bind: bound };
  }) as unknown as Connection["prepare"];
}

/**
 * SQLite's durability setting for each connection. The store runs in WAL mode, where NORMAL
 * syncs the log at checkpoints instead of at every commit: a crash of the process never loses
 * or corrupts a committed transaction, and only a power cut or OS crash can roll back the last
 * commits (FULL, the default, syncs every commit to the disk, costing a disk flush per write).
 * SQLITE_SYNCHRONOUS=FULL restores it.
 */
export function sqliteSynchronous(env: NodeJS.ProcessEnv = process.env): "NORMAL" | "FULL" {
  const value = (env.SQLITE_SYNCHRONOUS ?? "NORMAL").toUpperCase();
  if (value !== "NORMAL" && value !== "FULL") throw new Error(`SQLITE_SYNCHRONOUS must be NORMAL or FULL, not "${env.SQLITE_SYNCHRONOUS}"`);
  return value;
}

/** The adapter factory, its connections caching their prepared statements, with the durability setting above. */
export function tunedSqliteAdapter(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const connection = (adapter as unknown as { client?: Connection }).client;
    if (!connection || typeof connection.prepare !== "function") {
      throw new Error("sqlite-statements: the better-sqlite3 adapter no longer exposes its connection; update lib/db/sqlite-connection.ts");
    }
    cachePreparedStatements(connection);
    connection.pragma(`synchronous = ${sqliteSynchronous()}`);
    return adapter;
  };
  return factory;
}
