// The upgrade that moved dossier records out of the generic DossierRecord
// table into one typed table per kind. The fixture holds rows of a database
// seeded by the release before it (demo vendors covering every record kind),
// so this is the upgrade a real installation goes through: the database is
// rebuilt as that release left it, the remaining migrations run, and every
// vendor's dossier must read back exactly as the old rows described it, each
// record keeping its id, version and authors (the audit trail names records
// by id).
import fs from "node:fs";
import { expect, it } from "vitest";
import type { AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { disconnectDb } from "@/lib/server/db";
import { assembleDossier } from "@/lib/server/dossier/assemble-dossier";
import { loadCatalogue, loadDossier } from "@/lib/server/dossier/load-dossier";
import { listRecords } from "@/lib/server/dossier/record-store";
import { migrateDatabase } from "../../../scripts/db/migrations.mjs";
import { rowWriter } from "../../../scripts/db/row-writer";
import { forEachProvider } from "../helpers/test-database";

const LAST_MIGRATION_BEFORE = "20261206015728_legal_signoff_unique_revision";

type Row = Record<string, unknown>;
interface OldRecord {
  id: string;
  vendorId: string;
  kind: AnyRecordKindKey;
  data: Record<string, unknown>;
  version: number;
  createdById: string | null;
  updatedById: string | null;
  createdAt: string;
}
const fixture = JSON.parse(fs.readFileSync("tests/fixtures/migration/seeded-before-typed-records.json", "utf8")) as { tables: Record<string, Row[]> };
const oldRecords = fixture.tables.DossierRecord as unknown as OldRecord[];

/** Instants in the fixture are ISO text; the writer stores Dates the way Prisma does. */
function revive(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) ? new Date(v) : v]));
}

/** An incident's instants come back in UTC; the instant itself must not move. */
function sameInstants(dossier: unknown): unknown {
  return JSON.parse(JSON.stringify(dossier), (key, value) => ((key === "detectedAt" || key === "notifiedAt") && typeof value === "string" ? new Date(value).toISOString() : value));
}

forEachProvider(
  "upgrading DossierRecord rows to typed dossier tables",
  (t) => {
    it("moves every record into its table and every dossier reads back as before", async () => {
      expect(await migrateDatabase(t.url, { upTo: LAST_MIGRATION_BEFORE })).toContain(LAST_MIGRATION_BEFORE);
      const writer = await rowWriter(t.url);
      try {
        for (const table of ["User", "Vendor", "EvidenceDocument", "ControlDefinition", "DossierRecord"]) await writer.insert(table, fixture.tables[table]!.map(revive));
      } finally {
        await writer.close();
      }
      await disconnectDb();
      const applied = await migrateDatabase(t.url);
      expect(applied.some((name) => name.endsWith("_typed_dossier_records"))).toBe(true);

      const kinds = new Set(oldRecords.map((r) => r.kind));
      expect(kinds.size, "the fixture covers every record kind").toBe(17);
      const catalogue = await loadCatalogue(t.db);
      for (const vendor of fixture.tables.Vendor!) {
        const vendorId = String(vendor.id);
        const rows = oldRecords.filter((r) => r.vendorId === vendorId).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
        const loaded = (await t.db.$transaction((tx) => loadDossier(tx, vendorId, catalogue)))!;
        // What the old loader assembled from the same rows.
        const expected = assembleDossier({ vendor: loaded.vendor, records: rows, documents: [], catalogue });
        expect(sameInstants({ ...loaded.dossier, documents: [] }), String(vendor.name)).toEqual(sameInstants(expected));

        const moved = await listRecords(t.db, vendorId);
        const bookkeeping = (r: { id: string; kind: string; version: number; createdById: string | null; updatedById: string | null; createdAt: Date | string }) => ({
          id: r.id,
          kind: r.kind,
          version: r.version,
          createdById: r.createdById,
          updatedById: r.updatedById,
          createdAt: new Date(r.createdAt).toISOString(),
        });
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(moved.map(bookkeeping).sort(byId)).toEqual(rows.map(bookkeeping).sort(byId));
      }
    });

    it("leaves no DossierRecord table behind", async () => {
      const tables =
        t.provider === "sqlite"
          ? await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`)
          : await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()`);
      expect(tables.map((r) => r.name)).not.toContain("DossierRecord");
      expect(tables.map((r) => r.name)).toEqual(expect.arrayContaining(["Soc2Report", "ClauseReview", "IsoCertificateSite"]));
    });
  },
  { migrate: false },
);
