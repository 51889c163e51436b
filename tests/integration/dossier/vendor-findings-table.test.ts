// The stored open findings (VendorFinding) are exactly what the rules engine
// says for every vendor, after dossier changes and after a settings change,
// and the counts on the vendor row agree with them. A refresh writes only the
// rows that changed (vendor-finding-changes.ts), and global search follows.
import { afterAll, beforeAll, expect, it } from "vitest";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { findingDomain } from "@/lib/domain/findings/finding-domains";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { loadDossier, loadLatestRiskAcceptance, loadOpenRemediation } from "@/lib/server/dossier/load-dossier";
import { deleteDossierRecord, saveDossierRecord } from "@/lib/server/services/dossier-records";
import { getSettingsForEdit, loadSettings, updateSettings } from "@/lib/server/services/settings";
import { refreshOutdatedSummaries } from "@/lib/server/services/summary-refresh";
import { searchRecords } from "@/lib/server/services/search";
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
      // When the engine first stated the finding so: a refresh that finds it unchanged leaves the row alone.
      expect(stored.every((row) => row.computedAt.getTime() <= vendor.findingsAt!.getTime())).toBe(true);
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

  it("writes no finding on a refresh that finds the same ones, and only the changed ones otherwise, which search then finds", async () => {
    const admin = await makeActor("admin");
    const snapshot = () => t.db.vendorFinding.findMany({ where: { vendorId: { in: vendorIds } }, orderBy: { id: "asc" } });
    const saveSettings = async (change: (settings: typeof DEFAULT_SETTINGS) => void) => {
      const { settings, version } = await getSettingsForEdit({ actor: admin });
      const next = structuredClone(settings);
      change(next);
      await updateSettings({ actor: admin, input: { version, settings: next } });
      return refreshOutdatedSummaries({ budgetMs: 120_000 });
    };
    await saveSettings((settings) => Object.assign(settings, structuredClone(DEFAULT_SETTINGS)));
    const before = await snapshot();
    // Saving the settings unchanged outdates every summary, and changes no finding.
    expect(await saveSettings(() => {})).toMatchObject({ refreshed: vendorIds.length, pending: 0 });
    expect(await snapshot()).toEqual(before);
    await expectStoredEqualsEngine();

    // A stricter SOC 2 threshold rewords or adds some findings and leaves the others as they were.
    await saveSettings((settings) => {
      settings.assurance.soc2StaleMonths = 2;
      settings.assurance.soc2DueMonths = 1;
    });
    const after = await snapshot();
    await expectStoredEqualsEngine();
    const beforeById = new Map(before.map((row) => [row.id, row]));
    const kept = after.filter((row) => beforeById.get(row.id)?.computedAt.getTime() === row.computedAt.getTime());
    const written = after.filter((row) => !kept.includes(row));
    expect(written.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    // A kept finding may move down the list (a new, more severe one came first), nothing else.
    const unplaced = ({ position: _p, ...row }: (typeof after)[number]) => row;
    for (const row of kept) expect(unplaced(row)).toEqual(unplaced(beforeById.get(row.id)!));
    if (t.provider === "sqlite") await t.db.$executeRawUnsafe(`INSERT INTO "search_finding"("search_finding", rank) VALUES ('integrity-check', 1)`);
    for (const row of written) {
      const q = row.message.split(/\s+/).slice(0, 6).join(" ");
      const results = await searchRecords({ actor: admin, input: { q, kind: "finding" } });
      const hits = results.groups.find((g) => g.kind === "finding")?.hits ?? [];
      expect(hits.map((h) => [h.id, h.title]), row.message).toContainEqual([row.id, row.message]);
    }
  });
});
