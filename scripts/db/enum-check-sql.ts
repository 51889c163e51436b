// The SQL of scripts/db/enum-checks.ts, apart from its I/O so a unit test can
// read it (tests/unit/db/enum-check-sql.test.ts).
import { enumCheckName, enumCheckSql, type EnumColumn } from "../../prisma/enum-columns";

export function postgresEnumChecksSql(tables: Map<string, EnumColumn[]>): string {
  const lines: string[] = [];
  for (const [table, columns] of tables) {
    for (const c of columns) {
      lines.push(`ALTER TABLE "${table}" DROP CONSTRAINT IF EXISTS "${enumCheckName(c)}";`);
      lines.push(`ALTER TABLE "${table}" ADD CONSTRAINT "${enumCheckName(c)}" ${enumCheckSql(c)};`);
    }
  }
  return lines.join("\n");
}

/** A named CHECK clause of this kind inside a CREATE TABLE (its body has one level of parentheses). */
const OWN_CHECK = /,\s*CONSTRAINT "[A-Za-z]+_[A-Za-z0-9]+_check" CHECK \((?:[^()]|\([^()]*\))*\)/g;

export interface SqliteTable {
  createSql: string;
  columns: string[];
  /** CREATE INDEX / CREATE TRIGGER statements; the table's drop takes them along. */
  dependents: string[];
  /** True when a column is the rowid (INTEGER PRIMARY KEY): copying it keeps the rowids anyway. */
  rowidIsColumn?: boolean;
}

/** A table's CREATE TABLE as `new_<table>` with its enumeration CHECKs (replacing any it had). */
export function withChecks(table: string, createSql: string, columns: readonly EnumColumn[]): string {
  const head = `CREATE TABLE "${table}" (`;
  if (!createSql.startsWith(head)) throw new Error(`unexpected CREATE TABLE for ${table}: ${createSql.slice(0, 60)}`);
  const body = createSql.slice(head.length).replace(OWN_CHECK, "").replace(/\s*\)\s*$/, "");
  const checks = columns.map((c) => `,\n    CONSTRAINT "${enumCheckName(c)}" ${enumCheckSql(c)}`).join("");
  return `CREATE TABLE "new_${table}" (${body}${checks}\n)`;
}

export function sqliteEnumChecksSql(tables: Map<string, EnumColumn[]>, read: (table: string) => SqliteTable): string {
  const lines = ["-- RedefineTables", "PRAGMA defer_foreign_keys=ON;", "PRAGMA foreign_keys=OFF;"];
  for (const [table, columns] of tables) {
    const current = read(table);
    // The rowids are copied too: the global-search FTS5 indexes (external content) point at rows by rowid.
    const list = [...(current.rowidIsColumn ? [] : ["rowid"]), ...current.columns.map((c) => `"${c}"`)].join(", ");
    lines.push(`${withChecks(table, current.createSql, columns)};`);
    lines.push(`INSERT INTO "new_${table}" (${list}) SELECT ${list} FROM "${table}";`);
    lines.push(`DROP TABLE "${table}";`);
    lines.push(`ALTER TABLE "new_${table}" RENAME TO "${table}";`);
    for (const statement of current.dependents) lines.push(`${statement};`);
  }
  lines.push("PRAGMA foreign_keys=ON;", "PRAGMA defer_foreign_keys=OFF;");
  return lines.join("\n");
}
