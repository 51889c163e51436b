// Stored vendor summaries follow time and settings, not only dossier edits.
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { refreshOutdatedSummaries, refreshOutdatedSummariesInBackground, summariesValidFrom } from "@/lib/server/services/summary-refresh";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { getSettingsForEdit, updateSettings } from "@/lib/server/services/settings";
import { createVendor } from "@/lib/server/services/vendors";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, soc2Report, validVendor } from "../helpers/fixtures";

const DAY = 86_400_000;
forEachProvider("vendor summaries kept up to date", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
  });
  afterAll(async () => {
    // Other files share this database: leave the default settings in force.
    const admin = await makeActor("admin");
    const { version } = await getSettingsForEdit({ actor: admin });
    await updateSettings({ actor: admin, input: { version, settings: DEFAULT_SETTINGS } });
  });

  async function vendorWithSoc2(name: string, endedMonthsAgo: number) {
    const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name } });
    await saveDossierRecord({ actor: await makeActor("security"), input: { vendorId: vendor.id, kind: "soc2", data: soc2Report(endedMonthsAgo) } });
    return vendor;
  }

  it("a summary computed yesterday is recomputed for today: a report that went stale overnight shows as stale", async () => {
    const vendor = await vendorWithSoc2("Overnight Stale", 16);
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).soc2State).toBe("stale");
    // As it was stored yesterday, before the report crossed the line.
    await t.db.vendor.update({ where: { id: vendor.id }, data: { soc2State: "current", blockerCount: 0, highCount: 0, findingsAt: new Date(Date.now() - DAY) } });

    const result = await refreshOutdatedSummaries({ budgetMs: 60_000 });
    expect(result.refreshed).toBeGreaterThanOrEqual(1);
    expect(result.pending).toBe(0);
    const row = await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } });
    expect(row.soc2State).toBe("stale");
    expect(row.findingsAt!.getTime()).toBeGreaterThanOrEqual((await summariesValidFrom(new Date())).getTime());

    // Up to date now: a second pass has nothing to do.
    expect(await refreshOutdatedSummaries({ budgetMs: 60_000 })).toEqual({ refreshed: 0, pending: 0 });
  });

  it("saving the settings outdates every summary; the refresh applies the new thresholds", async () => {
    const vendor = await vendorWithSoc2("Threshold Moved", 16);
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).soc2State).toBe("stale");

    const admin = await makeActor("admin");
    const { settings, version } = await getSettingsForEdit({ actor: admin });
    const lenient = structuredClone(settings);
    lenient.assurance.soc2StaleMonths = 24;
    lenient.assurance.soc2DueMonths = 20;
    await updateSettings({ actor: admin, input: { version, settings: lenient } });

    expect((await refreshOutdatedSummaries({ budgetMs: 0 })).pending).toBeGreaterThanOrEqual(1);
    expect(await refreshOutdatedSummaries({ budgetMs: 60_000 })).toMatchObject({ pending: 0 });
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).soc2State).toBe("current");
  });

  it("a budget of nothing refreshes nothing and says how many are pending", async () => {
    const vendor = await vendorWithSoc2("Budgeted", 2);
    await t.db.vendor.update({ where: { id: vendor.id }, data: { findingsAt: null } });
    const result = await refreshOutdatedSummaries({ budgetMs: 0 });
    expect(result.refreshed).toBe(0);
    expect(result.pending).toBeGreaterThanOrEqual(1);
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).findingsAt).toBeNull();
  });

  it("the background run after the response is one run per process and finishes what the page left", async () => {
    const vendor = await vendorWithSoc2("Left For Later", 2);
    await t.db.vendor.update({ where: { id: vendor.id }, data: { findingsAt: null } });
    const first = refreshOutdatedSummariesInBackground();
    expect(refreshOutdatedSummariesInBackground()).toBe(first); // a second list load joins the running one
    await first;
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).findingsAt).not.toBeNull();
    expect(refreshOutdatedSummariesInBackground()).not.toBe(first); // done: the next one starts afresh
    await refreshOutdatedSummariesInBackground();
  });
});
