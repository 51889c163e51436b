import { databaseProvider, databaseUrl, type Tx } from "./db";

// Multi-row INSERT for the few writes that put thousands of rows in one
// transaction (a 10,000-row spreadsheet import: vendors, their list rows, one
// audit event each). Prisma's createMany compiles every call's whole payload
// in its query compiler: measured here, 10,000 audit events took 6.4 s through
// createMany and 0.3 s through this, on the same SQLite transaction. Values
// still travel as bound parameters, never as SQL text, and Dates and booleans
// go through the same driver adapter as Prisma's own writes, so the rows read
// back exactly as if createMany had written them (tests/integration/foundation/
// bulk-insert.test.ts, on both providers).
//
// What the database does not fill in itself must be in every row: Prisma
// computes `@default(cuid())`, `@default(now())` on SQLite and `@updatedAt` on
// the client, so a caller passes ids and timestamps explicitly.

/** Bound parameters per statement: SQLite's historical limit, which Prisma also assumes. */
const MAX_PARAMETERS = 999;

export interface BulkInsertOptions {
  /** Columns holding JSON (`Json` in the schema): objects are stored as JSON text, cast to jsonb on PostgreSQL. */
  json?: readonly string[];
}

/** Table and column names come from code, never from input; this keeps them to plain identifiers all the same. */
function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * Inserts `rows` into `table` in as few statements as the parameter limit
 * allows, inside the caller's transaction. Every row must have the same keys
 * (the first row's keys name the columns).
 */
export async function bulkInsert(tx: Tx, table: string, rows: readonly Record<string, unknown>[], options: BulkInsertOptions = {}): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]!);
  const json = new Set(options.json ?? []);
  const postgres = databaseProvider(databaseUrl()) === "postgresql";
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
  const head = `INSERT INTO ${identifier(table)} (${columns.map(identifier).join(", ")}) VALUES `;
  let inserted = 0;
  for (let start = 0; start < rows.length; start += perStatement) {
    const params: unknown[] = [];
    const tuples = rows.slice(start, start + perStatement).map((row) => {
      const placeholders = columns.map((column) => {
        const value = row[column];
        const isJson = json.has(column);
        params.push(value === undefined ? null : isJson && value !== null ? JSON.stringify(value) : value);
        return postgres ? `$${params.length}${isJson ? "::jsonb" : ""}` : "?";
      });
      return `(${placeholders.join(", ")})`;
    });
    inserted += await tx.$executeRawUnsafe(head + tuples.join(", "), ...params);
  }
  return inserted;
}
