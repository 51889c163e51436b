// The stored open findings (VendorFinding) are exactly what the rules engine
// says for every vendor, after dossier changes and after a settings change,
// and the counts on the vendor row agree with them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { findingDomain } from "@/lib/domain/findings/finding-domains";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { loadDossier, loadLatestRiskAcceptance, loadOpenRemediation } from "@/lib/server/dossier/load-dossier";
import { deleteDossierRecord, saveDossierRecord } from "@/lib/server/services/dossier-records";
import { getSettingsForEdit, loadSettings, updateSettings } from "@/lib/server/services/settings";
import { refreshOutdatedSummaries } from "@/lib/server/services/summary-refresh";
import { demoDossiers } from "@/prisma/seed/demo-dossiers";
import { importDemoVendor } from "../assessments/demo-vendor";
import { forEachProvider, type TestDatabase } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

forEachProvider("stored open findings (VendorFinding)", (t: TestDatabase) => {
  const vendorIds: string[] = [];

  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    const uploader = await makeActor("security");
    for (const dossier of demoDossiers(new Date())) {
      const { name } = dossier.profile;
      vendorIds.push((await importDemoVendor(name, `${name} (stored findings)`, uploader.id)).id);
    }
  }, 180_000);

  afterAll(async () => {
    const admin = await makeActor("admin");
    const { version } = await getSettingsForEdit({ actor: admin });
    await updateSettings({ actor: admin, input: { version, settings: DEFAULT_SETTINGS } });
  });

  /** What the engine says now, read back from the database independently of the summary service. */
  async function engineFindings(vendorId: string, now: Date) {
    const loaded = (await loadDossier(t.db, vendorId))!;
    const findings = vendorFindingsFor(loaded.dossier, await loadSettings(t.db), now, {
      remediation: await loadOpenRemediation(t.db, vendorId),
      acceptances: await loadLatestRiskAcceptance(t.db, vendorId),
    });
    return findings.map((f, position) => ({
      code: f.code,
      severity: f.severity,
      domain: findingDomain(f, loaded.dossier.controlCatalogue),
      message: f.message,
      subjectKind: f.subject.kind,
      subjectId: f.subject.id ?? null,
      subjectLabel: f.subject.label ?? null,
      position,
    }));
  }

  async function expectStoredEqualsEngine() {
    for (const vendorId of vendorIds) {
      const vendor = await t.db.vendor.findUniqueOrThrow({ where: { id: vendorId } });
      const stored = await t.db.vendorFinding.findMany({ where: { vendorId }, orderBy: { position: "asc" } });
      // Judged at the instant the summary was computed, so day-relative wording matches.
      const expected = await engineFindings(vendorId, vendor.findingsAt!);
      expect(stored.map(({ id: _id, vendorId: _v, computedAt: _c, ...row }) => row), vendor.name).toEqual(expected);
      expect(stored.every((row) => row.computedAt.getTime() === vendor.findingsAt!.getTime())).toBe(true);
      const count = (severity: string) => stored.filter((row) => row.severity === severity).length;
      expect([vendor.blockerCount, vendor.highCount, vendor.mediumCount, vendor.lowCount], vendor.name).toEqual([count("blocker"), count("high"), count("medium"), count("low")]);
    }
  }

  it("holds every demo vendor's findings after import, with counts that agree", async () => {
    expect(vendorIds.length).toBeGreaterThanOrEqual(4);
    expect(await t.db.vendorFinding.count()).toBeGreaterThan(vendorIds.length);
    await expectStoredEqualsEngine();
  });

  it("follows dossier changes: a remote site without controls adds its finding, removing it takes the finding away", async () => {
    const procurement = await makeActor("procurement");
    const vendorId = vendorIds[0]!;
    const remote = () => t.db.vendorFinding.count({ where: { vendorId, code: "site.remote_controls_missing" } });
    const before = await remote();
    const site = await saveDossierRecord({ actor: procurement, input: { vendorId, kind: "site", data: { country: "PH", city: "Davao", mode: "remote", headcount: 15, edr: true, vpn: true, mfa: false, vdi: true } } });
    expect(await remote()).toBe(before + 1);
    expect(await t.db.vendorFinding.findFirstOrThrow({ where: { vendorId, code: "site.remote_controls_missing", subjectId: site.id } })).toMatchObject({ domain: "accessEndpoint" });
    await expectStoredEqualsEngine();
    await deleteDossierRecord({ actor: procurement, input: { vendorId, kind: "site", id: site.id, version: site.version } });
    expect(await remote()).toBe(before);
    await expectStoredEqualsEngine();
  });

  it("follows a settings change once the refresh has run", async () => {
    const countsBefore = await t.db.vendorFinding.groupBy({ by: ["code"], _count: true });
    const admin = await makeActor("admin");
    const { settings, version } = await getSettingsForEdit({ actor: admin });
    const strict = structuredClone(settings);
    strict.assurance.soc2StaleMonths = 2;
    strict.assurance.soc2DueMonths = 1;
    await updateSettings({ actor: admin, input: { version, settings: strict } });
    expect(await refreshOutdatedSummaries({ budgetMs: 120_000 })).toMatchObject({ pending: 0 });
    const countsAfter = await t.db.vendorFinding.groupBy({ by: ["code"], _count: true });
    const stale = (rows: typeof countsBefore) => rows.find((r) => r.code === "soc2.stale")?._count ?? 0;
    expect(stale(countsAfter)).toBeGreaterThan(stale(countsBefore));
    await expectStoredEqualsEngine();
  });
});
