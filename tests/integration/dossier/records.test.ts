import { beforeAll, expect, it } from "vitest";
import { listRecords } from "@/lib/server/dossier/record-store";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { deleteDossierRecord, saveDossierRecord } from "@/lib/server/services/dossier-records";
import { createVendor, overrideVendorTier } from "@/lib/server/services/vendors";
import { getVendorDossierView } from "@/lib/server/services/dossier-view";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, soc2Report as soc2, validVendor } from "../helpers/fixtures";

const now = new Date();
forEachProvider("dossier records", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
  });

  it("security records a stale SOC 2 report: one audit event, and the vendor summary and findings show it", async () => {
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Stale Reporter" } });
    const saved = await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "soc2", data: soc2(16) } });
    const events = await t.db.auditEvent.findMany({ where: { entityId: saved.id } });
    expect(events.map((e) => e.action)).toEqual(["dossier.soc2.create"]);
    const row = await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } });
    expect(row.soc2State).toBe("stale");
    expect(row.soc2StaleFrom! <= now.toISOString().slice(0, 10)).toBe(true);
    const view = await getVendorDossierView({ actor: security, vendorId: vendor.id, now });
    expect(view.findings.map((f) => f.code)).toContain("soc2.stale");
  });

  it("procurement may not record assurance evidence, and security may not edit delivery sites", async () => {
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Split Duties" } });
    await expect(saveDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "soc2", data: soc2(2) } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const site = { country: "PH", city: "Cebu", mode: "onsite", headcount: 120 };
    await expect(saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "site", data: site } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await listRecords(t.db, vendor.id)).toEqual([]);
  });

  it("invalid record data comes back as field errors keyed by field", async () => {
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Bad Site" } });
    const error = await saveDossierRecord({
      actor: procurement,
      input: { vendorId: vendor.id, kind: "site", data: { country: "PH", city: "", mode: "remote", headcount: 10, edr: true } },
    }).catch((e) => e);
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fieldErrors)).toEqual(expect.arrayContaining(["city", "vpn", "mfa", "vdi"]));
  });

  it("a concurrent edit of the same record is refused with a clear message; the first one stays", async () => {
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Concurrent Sites" } });
    const site = { country: "IN", city: "Pune", mode: "onsite", headcount: 40 };
    const created = await saveDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", data: site } });
    const edit = (headcount: number) =>
      saveDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", id: created.id, version: created.version, data: { ...site, headcount } } });
    const results = await Promise.allSettled([edit(41), edit(42)]);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason.code).toBe("CONFLICT");
    expect(rejected[0]!.reason.message).toMatch(/changed by someone else/);
    const row = await t.db.deliverySite.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.version).toBe(created.version + 1);
    // A delete with the stale version is refused too.
    await expect(deleteDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", id: created.id, version: created.version } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("the tier is computed from the profile, and an override needs a written reason and is audited", async () => {
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Tiered", industries: ["fintech"], dataCategories: ["payment_card"], accessLevel: "change_billing" } });
    expect(vendor.computedTier).toBe("critical");
    const short = await overrideVendorTier({ actor: procurement, input: { vendorId: vendor.id, version: vendor.version, override: { tier: "moderate", reason: "because" } } }).catch((e) => e);
    expect(short.code).toBe("VALIDATION");
    expect(short.fieldErrors.reason).toMatch(/at least/);
    const overridden = await overrideVendorTier({
      actor: procurement,
      input: { vendorId: vendor.id, version: vendor.version, override: { tier: "high", reason: "Card data is tokenised before agents see it; see the DPA annex." } },
    });
    expect(overridden).toMatchObject({ tier: "high", computedTier: "critical" });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: vendor.id, action: "vendor.tier_override" } });
    expect(event.before).toMatchObject({ tier: "critical" });
    expect(event.after).toMatchObject({ tier: "high" });
    const viewer = await makeActor("viewer");
    await expect(overrideVendorTier({ actor: viewer, input: { vendorId: vendor.id, version: overridden.version, override: null } })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a second KPI record for a quarter already recorded is refused next to the period; editing that quarter is fine", async () => {
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "KPI Quarters" } });
    const q3 = await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "kpi", data: { period: "2026-Q3", phishingFailurePct: 4 } } });
    const again = await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "kpi", data: { period: "2026-q3", phishingFailurePct: 9 } } }).catch((e) => e);
    expect(again.code).toBe("VALIDATION");
    expect(again.fieldErrors.period).toMatch(/2026-Q3 is already recorded/);
    // Moving another quarter onto Q3 is the same duplicate.
    const q4 = await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "kpi", data: { period: "2026-Q4", phishingFailurePct: 3 } } });
    const moved = await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "kpi", id: q4.id, version: q4.version, data: { period: "2026-Q3" } } }).catch((e) => e);
    expect(moved.fieldErrors?.period).toMatch(/already recorded/);
    // Editing Q3 itself keeps its period.
    await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "kpi", id: q3.id, version: q3.version, data: { period: "2026-Q3", phishingFailurePct: 5 } } });
    const rows = await t.db.kpiPeriod.findMany({ where: { vendorId: vendor.id } });
    expect(rows.map((r) => r.period).sort()).toEqual(["2026-Q3", "2026-Q4"]);
    // Another vendor's Q3 is no conflict.
    const other = await createVendor({ actor: procurement, input: { ...validVendor, name: "KPI Quarters Two" } });
    await expect(saveDossierRecord({ actor: security, input: { vendorId: other.id, kind: "kpi", data: { period: "2026-Q3" } } })).resolves.toMatchObject({ version: 1 });
  });
  it("an ISO certificate lists only the vendor's own sites, and a site it lists cannot be deleted until removed from it", async () => {
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Covered Sites" } });
    const other = await createVendor({ actor: procurement, input: { ...validVendor, name: "Someone Else's Site" } });
    const site = { country: "PH", city: "Cebu", mode: "onsite", headcount: 120 };
    const own = await saveDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", data: site } });
    const foreign = await saveDossierRecord({ actor: procurement, input: { vendorId: other.id, kind: "site", data: site } });
    const cert = {
      certificateNumber: "IS 700001",
      certificationBody: "BSI",
      accredited: true,
      standardVersion: "2022",
      issueDate: "2026-01-10",
      expiryDate: "2029-01-09",
      scopeText: "Customer support operations in Cebu",
    };
    await expect(saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "iso", data: { ...cert, coveredSiteIds: [own.id, foreign.id] } } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { coveredSiteIds: "Choose delivery sites recorded for this vendor" },
    });
    const saved = await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "iso", data: { ...cert, coveredSiteIds: [own.id] } } });
    expect(await t.db.isoCertificateSite.findMany({ where: { certificateId: saved.id }, select: { siteId: true } })).toEqual([{ siteId: own.id }]);

    await expect(deleteDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", id: own.id, version: own.version } })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: expect.stringMatching(/IS 700001 lists this site/),
    });
    expect(await t.db.deliverySite.count({ where: { id: own.id } })).toBe(1);
    // Once the certificate no longer lists it, the site goes.
    await saveDossierRecord({ actor: security, input: { vendorId: vendor.id, kind: "iso", id: saved.id, version: saved.version, data: { ...cert, coveredSiteIds: [] } } });
    await deleteDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", id: own.id, version: own.version } });
    expect(await t.db.deliverySite.count({ where: { id: own.id } })).toBe(0);
  });
});
