// The search indexes are objects Prisma's schema cannot describe (FTS5
// virtual tables and triggers on SQLite, expression indexes on PostgreSQL).
// These tests keep them alive: the migration tooling must not drop them, a
// later migration that rebuilds a searched table must restore them, the
// query must match the index's expression, and an upgrade must index the
// rows that were already there.
import { expect, it } from "vitest";
import { disconnectDb } from "@/lib/server/db";
import { SEARCH_SOURCES } from "@/lib/server/search/sources";
import { searchRecords } from "@/lib/server/services/search";
import { SYSTEM_ACTOR } from "@/lib/server/actor";
import { migrateDatabase, readMigrationsList, SEARCH_FTS_TABLES } from "../../../scripts/db/migrations.mjs";
import { rowWriter } from "../../../scripts/db/row-writer";
import { forEachProvider } from "../helpers/test-database";

const SEARCH_MIGRATION = "20261206074229_global_search";

forEachProvider("search indexes after the whole migration history", (t) => {
  if (t.provider === "sqlite") {
    it("has every FTS5 table listed for the schema engine to leave alone, and nothing else", async () => {
      // A search table the list misses is one the next `npm run db:migration` drops.
      const virtual = await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`);
      expect(virtual.map((r) => r.name)).toEqual([...SEARCH_FTS_TABLES].sort());
      expect(SEARCH_SOURCES.map((s) => s.ftsTable).sort()).toEqual([...SEARCH_FTS_TABLES].sort());
    });

    it("keeps each index's insert, update and delete triggers, and each index agrees with its table", async () => {
      // A migration that rebuilds a searched table (new table, copy, drop, rename) loses these.
      const triggers = await t.db.$queryRawUnsafe<{ name: string; tbl_name: string }[]>(`SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`);
      for (const source of SEARCH_SOURCES) {
        const own = triggers.filter((r) => r.name.startsWith(`${source.ftsTable}_`));
        expect(own.map((r) => `${r.tbl_name}.${r.name}`).sort(), source.kind).toEqual(
          ["delete", "insert", "update"].map((op) => `${source.table}.${source.ftsTable}_${op}`),
        );
        // FTS5's own check that the index holds exactly the rows of its content table (renumbered rowids fail it).
        await t.db.$executeRawUnsafe(`INSERT INTO "${source.ftsTable}"("${source.ftsTable}", rank) VALUES ('integrity-check', 1)`);
      }
    });
  } else {
    it("answers each kind from its GIN index, not by reading the table", async () => {
      const plans = await t.db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        const out: string[] = [];
        for (const source of SEARCH_SOURCES) {
          const rows = await tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
            `EXPLAIN SELECT "id" FROM "${source.table}" WHERE ${source.tsvector} @@ to_tsquery('simple'::regconfig, $1)`,
            "'acme':*",
          );
          out.push(rows.map((r) => r["QUERY PLAN"]).join("\n"));
        }
        return out;
      });
      SEARCH_SOURCES.forEach((source, i) => expect(plans[i], source.kind).toContain(`Bitmap Index Scan on ${source.ftsTable}`));
    });
  }
});

forEachProvider(
  "upgrading to global search",
  (t) => {
    it("indexes the records that existed before the upgrade", async () => {
      const before = readMigrationsList(t.provider).migrationDirectories.map((d) => d.path).filter((name) => name < SEARCH_MIGRATION).at(-1)!;
      await migrateDatabase(t.url, { upTo: before });
      const now = new Date();
      const writer = await rowWriter(t.url);
      try {
        await writer.insert("User", [{ id: "u1", email: "old@example.test", name: "Old", role: "admin", passwordHash: "x", createdAt: now, updatedAt: now }]);
        await writer.insert("Vendor", [{ id: "v1", name: "Quillfeather Contact", searchName: "quillfeather contact", legalName: "Quillfeather Holdings", country: "GB", tier: "low", tierRank: 3, createdAt: now, updatedAt: now }]);
        await writer.insert("EvidenceDocument", [{ id: "d1", vendorId: "v1", kind: "soc2_report", title: null, fileName: "quill-soc2.pdf", fileKind: "pdf", sha256: "d".repeat(64), sizeBytes: 1, mimeType: "application/pdf", uploadedById: "u1", uploadedAt: now, effectiveDate: "2025-01-01" }]);
        await writer.insert("Contract", [{ id: "c1", vendorId: "v1", type: "msa", title: "Quillfeather master agreement", status: "signed", renewal: "manual", createdAt: now, updatedAt: now }]);
        await writer.insert("RemediationItem", [{ id: "r1", vendorId: "v1", title: "Quillfeather access review", dueDate: "2026-12-31", createdAt: now, updatedAt: now }]);
        await writer.insert("VendorFinding", [{ id: "f1", vendorId: "v1", code: "soc2.stale", severity: "high", domain: "assurance", message: "Quillfeather's SOC 2 report is stale", subjectKind: "soc2", position: 0, computedAt: now }]);
      } finally {
        await writer.close();
      }
      await disconnectDb();
      expect(await migrateDatabase(t.url)).toContain(SEARCH_MIGRATION);
      const results = await searchRecords({ actor: SYSTEM_ACTOR, input: { q: "quill" } });
      expect(Object.fromEntries(results.groups.map((g) => [g.kind, g.hits.map((h) => h.id)]))).toEqual({
        vendor: ["v1"],
        contract: ["c1"],
        evidence: ["d1"],
        remediation: ["r1"],
        finding: ["f1"],
      });
    });
  },
  { migrate: false },
);
