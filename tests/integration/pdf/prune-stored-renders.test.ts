import { beforeAll, expect, it } from "vitest";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { pruneStoredReportPdfs, STORED_RENDER_MAX_AGE_MS } from "@/lib/server/pdf/prune-stored-renders";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { downloadAssessmentReport } from "@/lib/server/services/assessments/download-report";
import { buildAssessedVendor } from "../assessments/build-vendor";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

// The maintenance sweep removes stored assessment PDF renders that a
// download would no longer serve (lib/server/pdf/prune-stored-renders.ts):
// one whose inputs changed since it was laid out, one whose assessment is
// gone, and any laid out longer ago than the retention. The render a
// download would serve now stays.

const MINUTE = 60_000;

forEachProvider("pruning of stored PDF renders", (t) => {
  let current: string;
  let superseded: string;
  const t0 = new Date();

  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const { vendor } = await buildAssessedVendor({ procurement, security }, "Prune Render Ltd");
    current = (await createAssessment({ actor: procurement, input: { vendorId: vendor.id } })).id;
    const other = await buildAssessedVendor({ procurement, security }, "Superseded Render Ltd");
    superseded = (await createAssessment({ actor: procurement, input: { vendorId: other.vendor.id } })).id;
  }, 180_000);

  const stored = async () => (await t.db.assessmentReportPdf.findMany({ select: { assessmentId: true }, orderBy: { assessmentId: "asc" } })).map((r) => r.assessmentId);

  it("removes a render whose inputs changed and one of a deleted assessment; keeps the current render", async () => {
    const reader = await makeActor("security");
    await downloadAssessmentReport({ actor: reader, assessmentId: superseded, now: t0 });
    // The organisation's name is printed on every report: the stored render above no longer matches its inputs...
    await t.db.orgSettings.update({ where: { id: 1 }, data: { orgName: "Pruned Holdings plc" } });
    // ...while this one, laid out after the rename, does.
    await downloadAssessmentReport({ actor: reader, assessmentId: current, now: t0 });
    const hash = (await t.db.assessmentReportPdf.findUniqueOrThrow({ where: { assessmentId: current } })).inputHash;
    await t.db.assessmentReportPdf.create({ data: { assessmentId: "no-such-assessment", inputHash: hash, pdf: new Uint8Array([37, 80, 68, 70]), generatedAt: t0 } });
    expect(await stored()).toEqual([current, superseded, "no-such-assessment"].sort());

    expect(await pruneStoredReportPdfs({ client: t.db, now: new Date(t0.getTime() + MINUTE) })).toEqual({ superseded: 2, expired: 0 });
    expect(await stored()).toEqual([current]);

    // The kept render is still served as stored: a download does not render again.
    const again = await downloadAssessmentReport({ actor: reader, assessmentId: current, now: new Date(t0.getTime() + 2 * MINUTE) });
    const events = await t.db.auditEvent.findMany({ where: { action: "assessment.report.download", entityId: current }, orderBy: { id: "asc" } });
    expect(events.map((e) => (e.after as { sha256: string }).sha256)).toEqual([expect.any(String), (events[0]!.after as { sha256: string }).sha256]);
    expect(again.pdf.subarray(0, 5).toString()).toBe("%PDF-");
  }, 120_000);

  it("removes a render laid out longer ago than the retention, even when current", async () => {
    expect(await stored()).toEqual([current]);
    const { generatedAt } = await t.db.assessmentReportPdf.findUniqueOrThrow({ where: { assessmentId: current } });
    // Just inside the retention: kept.
    expect(await pruneStoredReportPdfs({ client: t.db, now: new Date(generatedAt.getTime() + STORED_RENDER_MAX_AGE_MS - MINUTE), maxAgeMs: STORED_RENDER_MAX_AGE_MS })).toMatchObject({ expired: 0 });
    expect(await stored()).toEqual([current]);
    expect(await pruneStoredReportPdfs({ client: t.db, now: new Date(generatedAt.getTime() + STORED_RENDER_MAX_AGE_MS + MINUTE) })).toEqual({ superseded: 0, expired: 1 });
    expect(await stored()).toEqual([]);
  }, 120_000);
});
