// `npx tsx scripts/db/enum-checks.ts <name> [Table ...]`: writes a migration
// (one folder per provider, like `npm run db:migration`) that puts the CHECK
// constraints of prisma/enum-columns.ts on the named tables, or on every table
// there when none is named.
//
// Prisma's schema language has no CHECK constraints, so its migrations never
// write them and never drop them, except one way: on SQLite, a migration that
// alters a table makes Prisma rebuild it ("RedefineTables": create new_T, copy,
// drop T, rename) from the schema alone, and the rebuilt table has no CHECKs.
// Run this after such a migration, or after changing a vocabulary, with the
// tables concerned; tests/integration/db-enum-checks.test.ts fails until you do.
//
// PostgreSQL alters constraints in place. SQLite cannot add a constraint to a
// table, so its migration rebuilds each table the way Prisma does, from the
// CREATE TABLE statement the committed migrations leave (read back from a
// scratch database), with the CHECKs appended and its indexes and triggers
// recreated.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { ENUM_COLUMNS, type EnumColumn } from "../../prisma/enum-columns";
import { postgresEnumChecksSql, sqliteEnumChecksSql, type SqliteTable } from "./enum-check-sql";
import { migrateDatabase } from "./migrations.mjs";
import { migrationsDirFor, repoRoot } from "./providers.mjs";

function tablesOf(named: readonly string[]): Map<string, EnumColumn[]> {
  const known = new Set(ENUM_COLUMNS.map((c) => c.table));
  const unknown = named.filter((t) => !known.has(t));
  if (unknown.length > 0) throw new Error(`no enumeration columns in prisma/enum-columns.ts for: ${unknown.join(", ")}`);
  const out = new Map<string, EnumColumn[]>();
  for (const c of ENUM_COLUMNS) if (named.length === 0 || named.includes(c.table)) out.set(c.table, [...(out.get(c.table) ?? []), c]);
  return out;
}

/** The tables as the committed SQLite history leaves them. */
async function sqliteTables(): Promise<{ read: (table: string) => SqliteTable; close: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assay-enum-checks-"));
  const file = path.join(dir, "scratch.db");
  await migrateDatabase(`file:${file}`);
  const sqlite = new Database(file, { readonly: true });
  return {
    read(table) {
      const row = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as { sql: string } | undefined;
      if (!row) throw new Error(`the SQLite history has no table ${table}`);
      const info = sqlite.prepare(`SELECT name, type, pk FROM pragma_table_info(?) ORDER BY cid`).all(table) as { name: string; type: string; pk: number }[];
      const columns = info.map((r) => r.name);
      const rowidIsColumn = info.filter((r) => r.pk > 0).length === 1 && info.some((r) => r.pk > 0 && r.type.toUpperCase() === "INTEGER");
      const dependents = (
        sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL ORDER BY type, name`).all(table) as { sql: string }[]
      ).map((r) => r.sql);
      return { createSql: row.sql, columns, dependents, rowidIsColumn };
    },
    close() {
      sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  const [rawName, ...named] = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const name = (rawName ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
  if (!name) {
    console.error("usage: npx tsx scripts/db/enum-checks.ts <migration name> [Table ...]");
    process.exit(2);
  }
  const tables = tablesOf(named);
  const scratch = await sqliteTables();
  let sqlite: string;
  try {
    sqlite = sqliteEnumChecksSql(tables, scratch.read);
  } finally {
    scratch.close();
  }
  const header = "-- Enumeration CHECK constraints, written by scripts/db/enum-checks.ts from prisma/enum-columns.ts.\n";
  const folder = `${new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14)}_${name}`;
  for (const [provider, sql] of [["sqlite", sqlite], ["postgresql", postgresEnumChecksSql(tables)]] as const) {
    const dir = path.join(migrationsDirFor(provider), folder);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), `${header}${sql}\n`);
    console.log(`${provider}: wrote ${path.relative(repoRoot, path.join(dir, "migration.sql"))}`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
