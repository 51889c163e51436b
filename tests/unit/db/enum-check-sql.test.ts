import { describe, expect, it } from "vitest";
import { enumCheckSql, type EnumColumn } from "../../../prisma/enum-columns";
import { postgresEnumChecksSql, sqliteEnumChecksSql, withChecks } from "../../../scripts/db/enum-check-sql";

const status: EnumColumn = { table: "Thing", column: "status", values: ["open", "it's done"] };
const level: EnumColumn = { table: "Thing", column: "level", values: [1, 2] };
const created = `CREATE TABLE "Thing" (\n    "id" TEXT NOT NULL PRIMARY KEY,\n    "status" TEXT NOT NULL,\n    "level" INTEGER,\n    CONSTRAINT "Thing_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE\n)`;

describe("enumeration CHECK SQL", () => {
  it("quotes text values (doubling quotes) and writes numbers bare", () => {
    expect(enumCheckSql(status)).toBe(`CHECK ("status" IN ('open', 'it''s done'))`);
    expect(enumCheckSql(level)).toBe(`CHECK ("level" IN (1, 2))`);
  });

  it("SQLite: the table is recreated as new_<table> with its columns, constraints and the CHECKs appended", () => {
    const sql = withChecks("Thing", created, [status, level]);
    expect(sql.startsWith(`CREATE TABLE "new_Thing" (\n    "id" TEXT NOT NULL PRIMARY KEY,`)).toBe(true);
    expect(sql).toContain(`CONSTRAINT "Thing_ownerId_fkey" FOREIGN KEY`);
    expect(sql.endsWith(`ON UPDATE CASCADE,\n    CONSTRAINT "Thing_status_check" CHECK ("status" IN ('open', 'it''s done')),\n    CONSTRAINT "Thing_level_check" CHECK ("level" IN (1, 2))\n)`)).toBe(true);
  });

  it("SQLite: regenerating after a vocabulary change replaces the old CHECK instead of adding a second", () => {
    const before = withChecks("Thing", created, [status]).replace(`"new_Thing"`, `"Thing"`);
    const after = withChecks("Thing", before, [{ ...status, values: ["open", "closed"] }]);
    expect(after.match(/Thing_status_check/g)).toHaveLength(1);
    expect(after).toContain(`CHECK ("status" IN ('open', 'closed'))`);
    expect(after).not.toContain("it''s done");
  });

  it("SQLite: copies every column and the rowids (search indexes point at them), swaps the tables and recreates indexes and triggers, with foreign keys off", () => {
    const sql = sqliteEnumChecksSql(new Map([["Thing", [status]]]), () => ({
      createSql: created,
      columns: ["id", "status", "level"],
      dependents: [`CREATE INDEX "Thing_status_idx" ON "Thing"("status")`],
    }));
    const lines = sql.split("\n");
    expect(lines.slice(0, 3)).toEqual(["-- RedefineTables", "PRAGMA defer_foreign_keys=ON;", "PRAGMA foreign_keys=OFF;"]);
    expect(lines).toContain(`INSERT INTO "new_Thing" (rowid, "id", "status", "level") SELECT rowid, "id", "status", "level" FROM "Thing";`);
    const order = [`DROP TABLE "Thing";`, `ALTER TABLE "new_Thing" RENAME TO "Thing";`, `CREATE INDEX "Thing_status_idx" ON "Thing"("status");`].map((l) => lines.indexOf(l));
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(lines.slice(-2)).toEqual(["PRAGMA foreign_keys=ON;", "PRAGMA defer_foreign_keys=OFF;"]);
  });

  it("SQLite: an INTEGER PRIMARY KEY is the rowid, so it is not copied twice", () => {
    const sql = sqliteEnumChecksSql(new Map([["Thing", [status]]]), () => ({ createSql: created, columns: ["id", "status"], dependents: [], rowidIsColumn: true }));
    expect(sql.split("\n")).toContain(`INSERT INTO "new_Thing" ("id", "status") SELECT "id", "status" FROM "Thing";`);
  });

  it("PostgreSQL: drops any CHECK of the same name, then adds the current one", () => {
    expect(postgresEnumChecksSql(new Map([["Thing", [status]]])).split("\n")).toEqual([
      `ALTER TABLE "Thing" DROP CONSTRAINT IF EXISTS "Thing_status_check";`,
      `ALTER TABLE "Thing" ADD CONSTRAINT "Thing_status_check" CHECK ("status" IN ('open', 'it''s done'));`,
    ]);
  });
});
