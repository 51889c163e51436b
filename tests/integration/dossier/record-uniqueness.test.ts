// "One per …" rules (one assessment per control, one KPI record per quarter,
// one clause row per clause, one transfer mechanism per country, one DPA) hold
// in the database, not only in the service's check: two saves that both pass
// the check at once leave one row, and the loser gets the form's own error.
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
      expect(await t.db.kpiPeriod.count({ where: { vendorId: vendor.id } })).toBe(1);
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
      expect(await t.db.controlAssessment.count({ where: { vendorId: vendor.id } })).toBe(1);
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
      const row = { vendorId: vendor.id, period: "2025-Q4" };
      await other.kpiPeriod.create({ data: row });
      await expect(t.db.kpiPeriod.create({ data: row })).rejects.toMatchObject({ code: "P2002" });
      // Kinds without a rule may repeat: two identical sites are two records.
      const site = { vendorId: vendor.id, country: "PH", city: "Cebu", mode: "onsite", headcount: 10 };
      await t.db.deliverySite.create({ data: site });
      await other.deliverySite.create({ data: site });
      expect(await t.db.deliverySite.count({ where: { vendorId: vendor.id } })).toBe(2);
    } finally {
      await other.$disconnect();
    }
  });
});
