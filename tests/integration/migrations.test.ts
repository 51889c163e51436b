import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { disconnectDb, Prisma } from "@/lib/server/db";
import { migrateDatabase, pendingSchemaSql, readMigrationsList } from "../../scripts/db/migrations.mjs";
import { sourceSchemaPath } from "../../scripts/db/providers.mjs";
import { forEachProvider } from "./helpers/test-database";

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
  applied_steps_count: number | bigint;
}

forEachProvider(
  "migrations on an empty database",
  (t) => {
    const committed = () => readMigrationsList(t.provider).migrationDirectories;

    it("applies every committed migration, in order", async () => {
      const names = committed().map((dir) => dir.path);
      expect(names.length).toBeGreaterThan(0);
      expect(await migrateDatabase(t.url)).toEqual(names);
    });

    it("records each in _prisma_migrations as finished, with the native CLI's checksum", async () => {
      const rows = await t.db.$queryRawUnsafe<HistoryRow[]>(
        `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count
         FROM "_prisma_migrations" ORDER BY migration_name`,
      );
      const expected = committed().map((dir) => {
        const content = dir.migrationFile.content;
        if (content.tag !== "ok") throw new Error(content.value);
        return { name: dir.path, checksum: createHash("sha256").update(content.value).digest("hex") };
      });
      expect(rows.map((row) => ({ name: row.migration_name, checksum: row.checksum }))).toEqual(expected);
      for (const row of rows) {
        expect(row.finished_at, row.migration_name).not.toBeNull();
        expect(row.rolled_back_at, row.migration_name).toBeNull();
        expect(Number(row.applied_steps_count), row.migration_name).toBe(1);
      }
    });

    it("creates a table for every model, and the client can read each", async () => {
      const tables =
        t.provider === "sqlite"
          ? await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
          : await t.db.$queryRawUnsafe<{ name: string }[]>(
              `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
            );
      const models = Object.values(Prisma.ModelName);
      expect(models.length).toBeGreaterThan(0);
      expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining([...models, "_prisma_migrations"]));

      // A column the client expects but the migration lacks fails here.
      for (const model of models) {
        const delegate = (t.db as unknown as Record<string, { findMany(args: object): Promise<unknown[]> }>)[
          model.charAt(0).toLowerCase() + model.slice(1)
        ];
        await expect(delegate!.findMany({ take: 1 }), model).resolves.toEqual([]);
      }
    });

    it("applies nothing the second time", async () => {
      // SQLite migrations need the file to themselves (the engine locks it
      // exclusively), as in production, where npm start migrates before serving.
      await disconnectDb();
      expect(await migrateDatabase(t.url)).toEqual([]);
      const rows = await t.db.$queryRawUnsafe<{ count: number | bigint }[]>(
        `SELECT COUNT(*) AS count FROM "_prisma_migrations"`,
      );
      expect(Number(rows[0]?.count)).toBe(committed().length);
    });
  },
  { migrate: false },
);

for (const target of inject("databaseTargets")) {
  describe(`migration history [${target.provider}]`, () => {
    const serverUrl = target.provider === "postgresql" ? target.serverUrl : undefined;

  it("matches prisma/schema.prisma (run `npm run db:migration -- <name>` after a schema change)", async () => {
    expect(await pendingSchemaSql(target.provider, { serverUrl })).toBe("");
  });

  it("notices a schema change", async () => {
    const source = fs
      .readFileSync(sourceSchemaPath, "utf8")
      .replace(/^model Vendor \{$/m, "model Vendor {\n  probeColumn String?");
    expect(source).toContain("probeColumn");
    expect(await pendingSchemaSql(target.provider, { serverUrl, source })).toMatch(
      /ALTER TABLE "Vendor" ADD COLUMN\s+"probeColumn" TEXT/,
    );
  });
  });
}

for (const skipped of inject("skippedProviders")) {
  describe.skip(`migration history [${skipped.provider}] SKIPPED: ${skipped.reason}`, () => {
    it("matches prisma/schema.prisma", () => {});
  });
}

describe("SQLite file", () => {
  it("is created with its folder, private, in WAL mode", async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "assay-migrate-"));
    try {
      const file = path.join(root, "nested", "data", "assay.db");
      expect(await migrateDatabase(`file:${file}`)).not.toEqual([]);

      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expect(fs.statSync(file).mode & 0o077).toBe(0);
      const connection = new Database(file, { readonly: true });
      try {
        expect(connection.pragma("journal_mode", { simple: true })).toBe("wal");
      } finally {
        connection.close();
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
