// "One per …" rules (one assessment per control, one KPI record per quarter,
// one clause row per clause, one transfer mechanism per country, one DPA) hold
// in the database, not only in the service's check: two saves that both pass
// the check at once leave one row, and the loser gets the form's own error.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { createPrismaClient } from "@/lib/server/db";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { createVendor } from "@/lib/server/services/vendors";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";

const ROUNDS = 5;

forEachProvider("dossier record uniqueness", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
  });

  it("two concurrent creates of the same KPI quarter leave one row; the other gets the period field error", async () => {
    const security = await makeActor("security");
    for (let round = 0; round < ROUNDS; round++) {
      const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: `KPI race ${round}` } });
      const save = (pct: number) => saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "kpi", data: { period: "2026-Q2", phishingFailurePct: pct } } });
      const results = await Promise.allSettled([save(3), save(4)]);
      expect(await t.db.dossierRecord.count({ where: { vendorId: vendor.id, kind: "kpi" } })).toBe(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason.code).toBe("VALIDATION");
      expect(rejected[0]!.reason.fieldErrors).toEqual({ period: "2026-Q2 is already recorded. Edit that period instead." });
    }
  });

  it("two concurrent assessments of one control leave one row; the other is told it was assessed meanwhile", async () => {
    const security = await makeActor("security");
    const code = (await t.db.controlDefinition.findFirstOrThrow({ orderBy: { code: "asc" } })).code;
    for (let round = 0; round < ROUNDS; round++) {
      const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: `Control race ${round}` } });
      const save = () => saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "control", data: { code, status: "in_place" } } });
      const results = await Promise.allSettled([save(), save()]);
      expect(await t.db.dossierRecord.count({ where: { vendorId: vendor.id, kind: "control" } })).toBe(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason.code).toBe("CONFLICT");
      expect(rejected[0]!.reason.fieldErrors).toEqual({ code: "This control is already assessed. Edit that assessment instead." });
    }
  });

  it("the database itself refuses a second KPI row for a quarter, even from a second server's client", async () => {
    const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: "Second server" } });
    const other = createPrismaClient(t.url);
    try {
      const row = { vendorId: vendor.id, kind: "kpi", data: { period: "2025-Q4" }, uniqueKey: "2025-Q4" };
      await other.dossierRecord.create({ data: row });
      await expect(t.db.dossierRecord.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
      // Kinds without a rule keep a null key, which never clashes.
      await t.db.dossierRecord.create({ data: { vendorId: vendor.id, kind: "site", data: {} } });
      await other.dossierRecord.create({ data: { vendorId: vendor.id, kind: "site", data: {} } });
    } finally {
      await other.$disconnect();
    }
  });

  it("the migration's backfill keys existing records, and keeps the oldest of duplicates an earlier race left", async () => {
    const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: "Backfilled" } });
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    const rows = [
      { kind: "kpi", data: { period: "2026-Q1" }, createdAt: at(1) },
      { kind: "kpi", data: { period: "2026-Q1" }, createdAt: at(2) },
      { kind: "control", data: { code: "AC-1", status: "in_place" }, createdAt: at(3) },
      { kind: "transfer", data: { country: "IN" }, createdAt: at(4) },
      { kind: "clause", data: { clauseCode: "audit_rights" }, createdAt: at(5) },
      { kind: "dpa", data: { status: "signed" }, createdAt: at(6) },
      { kind: "site", data: { country: "PH" }, createdAt: at(7) },
    ];
    const created = [];
    for (const r of rows) created.push(await t.db.dossierRecord.create({ data: { vendorId: vendor.id, ...r } }));
    // As before the migration: no index yet (it is created after the backfill).
    await t.db.$executeRawUnsafe(`DROP INDEX "DossierRecord_vendorId_kind_uniqueKey_key"`);
    for (const statement of backfillStatements(t.provider)) await t.db.$executeRawUnsafe(statement);
    const keys = await t.db.dossierRecord.findMany({ where: { vendorId: vendor.id }, orderBy: { createdAt: "asc" }, select: { uniqueKey: true } });
    expect(keys.map((k) => k.uniqueKey)).toEqual(["2026-Q1", null, "AC-1", "IN", "audit_rights", "single", null]);
    expect(created).toHaveLength(rows.length);
  });
});

/** The statements of the migration that added DossierRecord.uniqueKey, as committed, from its backfill on (the index included). */
function backfillStatements(provider: "sqlite" | "postgresql"): string[] {
  const dir = path.join("prisma", "migrations", provider);
  const folder = fs.readdirSync(dir).find((name) => name.endsWith("_dossier_record_unique_key"));
  const sql = fs.readFileSync(path.join(dir, folder!, "migration.sql"), "utf8");
  const body = sql.slice(sql.indexOf("-- Backfill"));
  return body
    .split(";")
    .map((s) => s.replace(/^--.*$/gm, "").trim())
    .filter(Boolean);
}
