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
type Connection = { prepare(sql: string): Statement };

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

/** The adapter factory, its connections caching their prepared statements. */
export function withCachedStatements(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const connection = (adapter as unknown as { client?: Connection }).client;
    if (!connection || typeof connection.prepare !== "function") {
      throw new Error("sqlite-statements: the better-sqlite3 adapter no longer exposes its connection; update lib/db/sqlite-statements.ts");
    }
    cachePreparedStatements(connection);
    return adapter;
  };
  return factory;
}
