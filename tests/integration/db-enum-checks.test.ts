// Enumerations are checked by the database, not only by zod (README.md, "Data
// model"). On a database migrated through the whole history, every column of
// prisma/enum-columns.ts carries a CHECK whose allowed values, read back from
// the database's own catalogue, are exactly its vocabulary constant, and the
// database refuses a value outside it. A later migration that rebuilds a table
// without its CHECKs (Prisma's SQLite "RedefineTables" does), or a vocabulary
// that grows without a migration, fails here.
import Database from "better-sqlite3";
import pg from "pg";
import { expect, it } from "vitest";
import { ENUM_COLUMNS, enumCheckName, type EnumColumn } from "../../prisma/enum-columns";
import { sqlitePathFromUrl } from "../../scripts/db/providers.mjs";
import { forEachProvider, type TestDatabase } from "./helpers/test-database";

interface FoundCheck {
  table: string;
  name: string;
  column: string;
  values: string[];
}

const TABLES = [...new Set(ENUM_COLUMNS.map((c) => c.table))];
const sorted = (values: readonly (string | number)[]) => values.map(String).sort();

/** `'it''s'` → it's; numbers as written. */
function literals(list: string): string[] {
  return [...list.matchAll(/'((?:[^']|'')*)'|(-?\d+)/g)].map((m) => (m[1] !== undefined ? m[1].replaceAll("''", "'") : m[2]!));
}

async function sqliteChecks(t: TestDatabase): Promise<FoundCheck[]> {
  const rows = await t.db.$queryRawUnsafe<{ name: string; sql: string }[]>(`SELECT name, sql FROM sqlite_master WHERE type = 'table'`);
  return rows.flatMap(({ name: table, sql }) =>
    [...sql.matchAll(/CONSTRAINT "([^"]+)" CHECK \("([^"]+)" IN \(([^)]*)\)\)/g)].map((m) => ({ table, name: m[1]!, column: m[2]!, values: literals(m[3]!) })),
  );
}

async function postgresChecks(t: TestDatabase): Promise<FoundCheck[]> {
  const rows = await t.db.$queryRawUnsafe<{ table: string; name: string; def: string }[]>(
    `SELECT cl.relname AS "table", co.conname AS name, pg_get_constraintdef(co.oid) AS def
       FROM pg_constraint co JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace ns ON ns.oid = cl.relnamespace
      WHERE co.contype = 'c' AND ns.nspname = current_schema()`,
  );
  return rows.map(({ table, name, def }) => {
    // CHECK (("role" = ANY (ARRAY['admin'::text, …])))
    const m = /^CHECK \(\("?([^" ]+)"? = ANY \(ARRAY\[(.*)\]\)\)\)$/.exec(def);
    return { table, name, column: m?.[1] ?? `unparsed: ${def}`, values: m ? literals(m[2]!) : [] };
  });
}

/** A value for a required column that has no default, by its declared type. */
function filler(type: string, n: number): unknown {
  const t = type.toLowerCase();
  if (t.includes("bool")) return 0;
  if (t.includes("int")) return n;
  if (t.includes("real") || t.includes("double") || t.includes("float")) return 1.5;
  if (t.includes("date") || t.includes("timestamp")) return "2026-01-02T03:04:05.000Z";
  if (t.includes("json")) return "[]";
  if (t.includes("blob") || t.includes("bytea")) return Buffer.from("x");
  return `probe-${n}`;
}

interface Column {
  name: string;
  type: string;
  required: boolean;
}

/** One row of `table` with every enumeration in vocabulary, every required column filled (distinct per `salt`, for unique keys). */
function validRow(table: string, columns: Column[], salt = 0): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  columns.forEach((c, i) => {
    const vocabulary = ENUM_COLUMNS.find((e) => e.table === table && e.column === c.name);
    if (vocabulary) row[c.name] = vocabulary.values[0];
    else if (c.required) row[c.name] = filler(c.type, salt * 1000 + i + 1);
  });
  return row;
}

const outside = (c: EnumColumn) => (typeof c.values[0] === "number" ? 99 : "not_in_vocabulary");

forEachProvider("enumeration CHECK constraints", (t) => {
  it("every enumeration column has its CHECK, allowing exactly its vocabulary, and no other CHECK of that name pattern is left", async () => {
    const found = t.provider === "sqlite" ? await sqliteChecks(t) : await postgresChecks(t);
    for (const c of ENUM_COLUMNS) {
      const check = found.find((f) => f.table === c.table && f.name === enumCheckName(c));
      expect(check, `${enumCheckName(c)} is missing`).toBeDefined();
      expect(check!.column, enumCheckName(c)).toBe(c.column);
      expect(sorted(check!.values), enumCheckName(c)).toEqual(sorted(c.values));
    }
    const expected = new Set(ENUM_COLUMNS.map(enumCheckName));
    const stray = found.filter((f) => f.name.endsWith("_check") && !expected.has(f.name)).map((f) => f.name);
    expect(stray).toEqual([]);
  });

  it("the database refuses an out-of-vocabulary INSERT and UPDATE on every enumeration column", async () => {
    // Raw driver connections with foreign keys not enforced (a pragma on SQLite,
    // a replica session on PostgreSQL), so one row per table needs no parents.
    const failures: string[] = [];
    if (t.provider === "sqlite") {
      const sqlite = new Database(sqlitePathFromUrl(t.url));
      try {
        sqlite.pragma("foreign_keys = OFF");
        for (const table of TABLES) {
          const columns = (sqlite.prepare(`SELECT name, type, "notnull" AS nn, dflt_value AS dflt FROM pragma_table_info(?)`).all(table) as { name: string; type: string; nn: number; dflt: string | null }[]).map(
            (c) => ({ name: c.name, type: c.type, required: c.nn === 1 && c.dflt === null }),
          );
          for (const c of ENUM_COLUMNS.filter((e) => e.table === table)) {
            const insert = (row: Record<string, unknown>) => {
              const names = Object.keys(row);
              return sqlite.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`).run(...Object.values(row));
            };
            sqlite.exec("BEGIN");
            try {
              const { lastInsertRowid } = insert(validRow(table, columns));
              const pattern = new RegExp(`CHECK constraint failed: ${enumCheckName(c)}`);
              if (!throwsMatching(() => insert({ ...validRow(table, columns, 1), [c.column]: outside(c) }), pattern)) failures.push(`INSERT ${enumCheckName(c)}`);
              if (!throwsMatching(() => sqlite.prepare(`UPDATE "${table}" SET "${c.column}" = ? WHERE rowid = ?`).run(outside(c), lastInsertRowid), pattern)) failures.push(`UPDATE ${enumCheckName(c)}`);
            } finally {
              sqlite.exec("ROLLBACK");
            }
          }
        }
      } finally {
        sqlite.close();
      }
    } else {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      try {
        await client.query("SET session_replication_role = replica");
        for (const table of TABLES) {
          const { rows } = await client.query<{ name: string; type: string; nullable: string; dflt: string | null }>(
            `SELECT column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS dflt FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
            [table],
          );
          const columns = rows.map((c) => ({ name: c.name, type: c.type, required: c.nullable === "NO" && c.dflt === null }));
          for (const c of ENUM_COLUMNS.filter((e) => e.table === table)) {
            const insert = (row: Record<string, unknown>) => {
              const names = Object.keys(row);
              return client.query(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING ctid`, Object.values(row));
            };
            const pattern = new RegExp(`violates check constraint "${enumCheckName(c)}"`);
            await client.query("BEGIN");
            try {
              const { rows: inserted } = await insert(validRow(table, columns));
              await client.query("SAVEPOINT probe");
              if (!(await rejectsMatching(insert({ ...validRow(table, columns, 1), [c.column]: outside(c) }), pattern))) failures.push(`INSERT ${enumCheckName(c)}`);
              await client.query("ROLLBACK TO SAVEPOINT probe");
              if (!(await rejectsMatching(client.query(`UPDATE "${table}" SET "${c.column}" = $1 WHERE ctid = $2`, [outside(c), inserted[0].ctid]), pattern))) failures.push(`UPDATE ${enumCheckName(c)}`);
            } finally {
              await client.query("ROLLBACK");
            }
          }
        }
      } finally {
        await client.end();
      }
    }
    expect(failures, "statements the database accepted").toEqual([]);
  });
});

function throwsMatching(run: () => unknown, pattern: RegExp): boolean {
  try {
    run();
    return false;
  } catch (error) {
    if (pattern.test(String(error))) return true;
    throw error;
  }
}

async function rejectsMatching(run: Promise<unknown>, pattern: RegExp): Promise<boolean> {
  try {
    await run;
    return false;
  } catch (error) {
    if (pattern.test(String(error))) return true;
    throw error;
  }
}
