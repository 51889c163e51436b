// The upgrade that moved a vendor's services, industries and data categories
// from Json columns (and the "|fintech|" industryTags column) into join tables.
// The database is rebuilt as the release before left it, with the vendors a
// seeded database of an older release holds, the remaining migrations run, and
// every vendor's lists must read back exactly as the old columns held them, in
// the same order, so the tier, findings, scores and PDFs do not move; the
// industry filter must pick the vendors the old LIKE on industryTags picked.
import fs from "node:fs";
import { expect, it } from "vitest";
import { INDUSTRIES, type Industry } from "@/lib/domain/vocabulary";
import { computeInherentTier } from "@/lib/domain/vendors/tier";
import { disconnectDb } from "@/lib/server/db";
import { assembleDossier } from "@/lib/server/dossier/assemble-dossier";
import { loadCatalogue, loadDossier } from "@/lib/server/dossier/load-dossier";
import { listRecords } from "@/lib/server/dossier/record-store";
import { getVendor, listVendors } from "@/lib/server/services/vendors";
import { vendorListQuerySchema } from "@/lib/schemas/vendor";
import { migrateDatabase } from "../../../scripts/db/migrations.mjs";
import { rowWriter } from "../../../scripts/db/row-writer";
import { makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

const FIXTURE_MIGRATION = "20261206015728_legal_signoff_unique_revision";
const LAST_MIGRATION_BEFORE = "20261206042400_typed_dossier_records";

type Row = Record<string, unknown>;
const fixture = JSON.parse(fs.readFileSync("tests/fixtures/migration/seeded-before-typed-records.json", "utf8")) as { tables: Record<string, Row[]> };

/** A vendor that lists a value twice and out of vocabulary order: the first occurrence wins, the order stays. */
const repeated: Row = {
  ...fixture.tables.Vendor![0]!,
  id: "vendor-with-repeats",
  name: "Repeats BPO",
  searchName: "repeats bpo",
  services: ["phone", "chat", "phone"],
  industries: ["saas", "fintech"],
  industryTags: "|saas|fintech|",
  dataCategories: ["payment_card", "contact_pii", "payment_card"],
};

function revive(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v) ? new Date(v) : v]));
}

interface OldLists {
  services: string[];
  industries: string[];
  dataCategories: string[];
  industryTags: string;
}

forEachProvider(
  "upgrading vendor list columns to join tables",
  (t) => {
    it("every vendor's lists, profile and industry filter read back as the old columns held them", async () => {
      await migrateDatabase(t.url, { upTo: FIXTURE_MIGRATION });
      const writer = await rowWriter(t.url);
      try {
        for (const table of ["User", "Vendor", "EvidenceDocument", "ControlDefinition", "DossierRecord"]) {
          const rows = table === "Vendor" ? [...fixture.tables.Vendor!, repeated] : fixture.tables[table]!;
          await writer.insert(table, rows.map(revive));
        }
      } finally {
        await writer.close();
      }
      await disconnectDb();
      expect(await migrateDatabase(t.url, { upTo: LAST_MIGRATION_BEFORE })).toContain(LAST_MIGRATION_BEFORE);

      // The lists as the release before stored them, read with that release's columns.
      const raw = await t.db.$queryRawUnsafe<Row[]>(`SELECT "id", "services", "industries", "dataCategories", "industryTags" FROM "Vendor"`);
      const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as string[];
      const old = new Map<string, OldLists>(
        raw.map((r) => [String(r.id), { services: parse(r.services), industries: parse(r.industries), dataCategories: parse(r.dataCategories), industryTags: String(r.industryTags) }]),
      );
      expect(old.size).toBe(fixture.tables.Vendor!.length + 1);
      await disconnectDb();

      const applied = await migrateDatabase(t.url);
      expect(applied.some((name) => name.endsWith("_vendor_profile_lists"))).toBe(true);

      const actor = await makeActor("viewer");
      const catalogue = await loadCatalogue(t.db);
      for (const [id, lists] of old) {
        const firstOnly = { services: [...new Set(lists.services)], industries: [...new Set(lists.industries)], dataCategories: [...new Set(lists.dataCategories)] };
        const vendor = await getVendor({ actor, id });
        expect({ services: vendor.services, industries: vendor.industries, dataCategories: vendor.dataCategories }, id).toEqual(firstOnly);

        const loaded = (await t.db.$transaction((tx) => loadDossier(tx, id, catalogue)))!;
        const records = await listRecords(t.db, id);
        const expected = assembleDossier({ vendor: { ...loaded.vendor, ...firstOnly }, records, documents: [], catalogue });
        expect(loaded.dossier.profile, id).toEqual(expected.profile);
        // The tier the old release computed from the Json lists.
        expect(computeInherentTier(loaded.dossier.profile).tier, id).toBe(vendor.computedTier);
      }
      expect((await getVendor({ actor, id: "vendor-with-repeats" })).services).toEqual(["phone", "chat"]);

      for (const industry of INDUSTRIES) {
        const matchedBefore = [...old].filter(([, l]) => l.industryTags.includes(`|${industry}|`)).map(([id]) => id).sort();
        const page = await listVendors({ actor, query: vendorListQuerySchema.parse({ industry: industry satisfies Industry, pageSize: 100 }) });
        expect(page.rows.map((r) => r.id).sort(), industry).toEqual(matchedBefore);
      }
    });

    it("drops the replaced columns", async () => {
      const columns =
        t.provider === "sqlite"
          ? await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('Vendor')`)
          : await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Vendor'`);
      const names = columns.map((c) => c.name);
      expect(names).toContain("accessLevel");
      for (const gone of ["services", "industries", "dataCategories", "industryTags"]) expect(names).not.toContain(gone);
    });
  },
  { migrate: false },
);
