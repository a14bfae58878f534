// One row and its relations in one SQL statement, the same value Prisma's
// `findUnique({ where: { id }, include })` gives (and a page of rows, as `findMany` gives). Prisma reads an include on SQLite with one query
// per relation level (a cart with its lines, variants, products, region, … took 15); here the
// database builds the whole graph as JSON (json_object/json_group_array on SQLite, jsonb on
// PostgreSQL) and this module turns it back into Prisma's shape with Prisma's types (Date,
// boolean). tests/api/graph-loader.test.ts checks it against Prisma's own answer on both dialects.
//
// An include here is a Prisma include object limited to `true` and `{ include?, orderBy? }`; the
// joins come from prisma/models.prisma (lib/db/generated/graph-model.ts).
import { databaseTarget, type DbTransaction } from "./client";
import { graphModel } from "./generated/graph-model";

type ModelName = keyof typeof graphModel;
type OrderBy = { readonly [field: string]: "asc" | "desc" | undefined };
export type GraphInclude = { [relation: string]: true | { include?: GraphInclude; orderBy?: OrderBy | OrderBy[] } };

type Model = { scalars: Record<string, string>; relations: Record<string, { model: string; list: boolean; local: string; foreign: string }> };
const models = graphModel as unknown as Record<string, Model>;

type Dialect = "sqlite" | "postgres";

const quote = (name: string) => `"${name}"`;

function relationOf(model: string, name: string) {
  const relation = models[model]?.relations[name];
  if (!relation) throw new Error(`graph: ${model} has no relation ${name}`);
  return relation;
}

function childSpec(spec: GraphInclude[string]): { include: GraphInclude; orderBy: OrderBy[] } {
  if (spec === true) return { include: {}, orderBy: [] };
  for (const key of Object.keys(spec)) if (key !== "include" && key !== "orderBy") throw new Error(`graph: "${key}" is not supported in an include`);
  const orderBy = spec.orderBy === undefined ? [] : Array.isArray(spec.orderBy) ? spec.orderBy : [spec.orderBy];
  return { include: spec.include ?? {}, orderBy };
}

/** The SQL expression that is the JSON of the row `alias` of `model` with its included relations. */
function objectSql(dialect: Dialect, model: string, alias: string, include: GraphInclude, depth: number): string {
  const relations = Object.entries(include).map(([name, spec]) => {
    const relation = relationOf(model, name);
    const { include: nested, orderBy } = childSpec(spec);
    const child = `g${depth + 1}_${name}`;
    const from = `FROM ${quote(relation.model)} ${child} WHERE ${child}.${quote(relation.foreign)} = ${alias}.${quote(relation.local)}`;
    const value = objectSql(dialect, relation.model, child, nested, depth + 1);
    const order = orderBy.flatMap((entry) => Object.entries(entry).filter(([, direction]) => direction).map(([field, direction]) => `${child}.${quote(field)} ${direction === "desc" ? "DESC" : "ASC"}`));
    const orderSql = order.length ? ` ORDER BY ${order.join(", ")}` : "";
    let sql: string;
    if (dialect === "sqlite") {
      // Subquery results lose their JSON type in SQLite: json() gives it back.
      sql = relation.list
        ? `json((SELECT json_group_array(json(v)) FROM (SELECT ${value} AS v ${from}${orderSql})))`
        : `json((SELECT ${value} ${from} LIMIT 1))`;
    } else {
      sql = relation.list ? `COALESCE((SELECT jsonb_agg(${value}${orderSql}) ${from}), '[]'::jsonb)` : `(SELECT ${value} ${from} LIMIT 1)`;
    }
    return [name, sql] as const;
  });
  if (dialect === "sqlite") {
    const scalars = Object.keys(models[model].scalars).map((field) => `'${field}', ${alias}.${quote(field)}`);
    return `json_object(${[...scalars, ...relations.map(([name, sql]) => `'${name}', ${sql}`)].join(", ")})`;
  }
  // jsonb_build_object takes at most 100 arguments, so relations are added 40 at a time.
  let sql = `to_jsonb(${alias})`;
  for (let index = 0; index < relations.length; index += 40) {
    sql = `(${sql} || jsonb_build_object(${relations.slice(index, index + 40).map(([name, value]) => `'${name}', ${value}`).join(", ")}))`;
  }
  return sql;
}

/** JSON as the database wrote it → Prisma's values: Dates, booleans, numbers, nested rows. */
function decode(dialect: Dialect, model: string, json: Record<string, unknown>, include: GraphInclude): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, type] of Object.entries(models[model].scalars)) {
    const value = json[field];
    if (value === null || value === undefined) row[field] = null;
    else if (type === "DateTime") row[field] = new Date(dialect === "postgres" && !/[zZ]|[+-]\d\d:?\d\d$/.test(String(value)) ? `${value}Z` : String(value));
    else if (type === "Boolean") row[field] = value === true || value === 1;
    else row[field] = value;
  }
  for (const [name, spec] of Object.entries(include)) {
    const relation = relationOf(model, name);
    const { include: nested } = childSpec(spec);
    const value = json[name];
    if (relation.list) row[name] = ((value as Record<string, unknown>[] | null) ?? []).map((item) => decode(dialect, relation.model, item, nested));
    else row[name] = value ? decode(dialect, relation.model, value as Record<string, unknown>, nested) : null;
  }
  return row;
}

const statements = new Map<string, string>();

function statementFor(dialect: Dialect, model: string, include: GraphInclude, keyField: string): string {
  const cacheKey = `${dialect} ${model} ${keyField} ${JSON.stringify(include)}`;
  let sql = statements.get(cacheKey);
  if (!sql) {
    const placeholder = dialect === "sqlite" ? "?" : "$1";
    sql = `SELECT ${objectSql(dialect, model, "g0", include, 0)} AS "graph" FROM ${quote(model)} g0 WHERE g0.${quote(keyField)} = ${placeholder} LIMIT 1`;
    statements.set(cacheKey, sql);
  }
  return sql;
}

/**
 * The row of `model` whose `keyField` (a unique column, the id by default) is `key`, with the
 * relations `include` names, or null. The caller states the type: the Prisma payload type of the
 * same include (e.g. Prisma.CartGetPayload<{ include: typeof cartInclude }>).
 */
export async function findGraph<T>(client: DbTransaction, model: ModelName, key: string, include: GraphInclude, keyField = "id"): Promise<T | null> {
  const dialect = databaseTarget().dialect;
  const rows = await client.$queryRawUnsafe<{ graph: unknown }[]>(statementFor(dialect, model, include, keyField), key);
  return rows.length === 0 ? null : (decodeGraph(dialect, model, rows[0].graph, include) as T);
}

/** A "graph" column (JSON text on SQLite, jsonb on PostgreSQL) as Prisma's value. */
function decodeGraph(dialect: Dialect, model: string, raw: unknown, include: GraphInclude) {
  const json = (typeof raw === "string" ? JSON.parse(raw) : raw) as Record<string, unknown>;
  return decode(dialect, model, json, include);
}

/** Equality on scalar columns, the order (ending in a unique column, so pages are stable) and a page. */
export type GraphListQuery = { where?: Record<string, string | number>; orderBy: OrderBy[]; take?: number; skip?: number };

/**
 * The rows of `model` that `query` selects, each with the relations `include` names, in one
 * statement: what Prisma's `findMany({ where, include, orderBy, take, skip })` gives.
 */
export async function findGraphs<T>(client: DbTransaction, model: ModelName, include: GraphInclude, query: GraphListQuery): Promise<T[]> {
  const dialect = databaseTarget().dialect;
  const where = Object.entries(query.where ?? {});
  const page = [...(query.take !== undefined ? [query.take] : []), ...(query.skip !== undefined ? [query.skip] : [])];
  for (const value of page) if (!Number.isSafeInteger(value) || value < 0) throw new Error(`graph: ${value} is not a page bound`);
  const cacheKey = `${dialect} ${model} many ${JSON.stringify(include)} ${JSON.stringify(query.orderBy)} ${where.map(([field]) => field)} ${query.take !== undefined} ${query.skip !== undefined}`;
  let sql = statements.get(cacheKey);
  if (!sql) {
    let parameter = 0;
    const placeholder = () => (dialect === "sqlite" ? "?" : `$${++parameter}`);
    const scalars = models[model].scalars;
    for (const [field] of where) if (!(field in scalars)) throw new Error(`graph: ${model} has no column ${field}`);
    const conditions = where.map(([field]) => `g0.${quote(field)} = ${placeholder()}`);
    const order = query.orderBy.flatMap((entry) => Object.entries(entry).filter(([, direction]) => direction).map(([field, direction]) => `g0.${quote(field)} ${direction === "desc" ? "DESC" : "ASC"}`));
    sql =
      `SELECT ${objectSql(dialect, model, "g0", include, 0)} AS "graph" FROM ${quote(model)} g0` +
      (conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "") +
      (order.length ? ` ORDER BY ${order.join(", ")}` : "") +
      (query.take !== undefined ? ` LIMIT ${placeholder()}` : dialect === "sqlite" && query.skip !== undefined ? " LIMIT -1" : "") +
      (query.skip !== undefined ? ` OFFSET ${placeholder()}` : "");
    statements.set(cacheKey, sql);
  }
  const rows = await client.$queryRawUnsafe<{ graph: unknown }[]>(sql, ...where.map(([, value]) => value), ...page);
  return rows.map((row) => decodeGraph(dialect, model, row.graph, include) as T);
}
