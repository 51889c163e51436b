import { beforeAll, expect, it } from "vitest";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { downloadAssessmentReport } from "@/lib/server/services/assessments/download-report";
import { buildAssessedVendor } from "../assessments/build-vendor";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

// A PDF is a pure function of its inputs, so a download whose inputs hash the
// same is served the stored bytes (lib/server/pdf/README.md, "Stored
// renders"). Every download is still permission-checked and audited.
//
// Proof that a download did not render: it is asked for at a later instant,
// and a render prints that instant (footer, "Remediation status as of",
// the PDF's creation date), so only stored bytes can be identical.

const HOUR = 3_600_000;

forEachProvider("stored assessment PDF renders", (t) => {
  let assessmentId: string;
  const t0 = new Date("2026-03-02T09:15:00Z");

  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const { vendor } = await buildAssessedVendor({ procurement, security }, "Stored Render Ltd");
    assessmentId = (await createAssessment({ actor: procurement, input: { vendorId: vendor.id } })).id;
  }, 120_000);

  async function downloadsAudited(actorId: string) {
    return t.db.auditEvent.findMany({ where: { action: "assessment.report.download", entityId: assessmentId, actorId }, orderBy: { id: "asc" } });
  }

  it("a second download is byte-identical, served without rendering, and audited like the first", async () => {
    const reader = await makeActor("security");
    const first = await downloadAssessmentReport({ actor: reader, assessmentId, now: t0 });
    const second = await downloadAssessmentReport({ actor: reader, assessmentId, now: new Date(t0.getTime() + HOUR) });
    expect(first.pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.compare(second.pdf, first.pdf)).toBe(0);
    const events = await downloadsAudited(reader.id);
    expect(events).toHaveLength(2);
    // Both events name the same bytes, laid out at the first download.
    for (const e of events) expect(e.after).toMatchObject({ bytes: first.pdf.length, generatedAt: t0.toISOString() });
    expect((events[0]!.after as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((events[1]!.after as { sha256: string }).sha256).toBe((events[0]!.after as { sha256: string }).sha256);
  }, 120_000);

  it("a changed input re-renders: the new bytes carry the new instant and are stored in place of the old", async () => {
    const reader = await makeActor("security");
    const before = await downloadAssessmentReport({ actor: reader, assessmentId, now: new Date(t0.getTime() + 2 * HOUR) });
    await t.db.orgSettings.update({ where: { id: 1 }, data: { orgName: "Renamed Holdings plc" } });
    const later = new Date(t0.getTime() + 3 * HOUR);
    const after = await downloadAssessmentReport({ actor: reader, assessmentId, now: later });
    expect(Buffer.compare(after.pdf, before.pdf)).not.toBe(0);
    const [, renamed] = await downloadsAudited(reader.id);
    expect(renamed!.after).toMatchObject({ generatedAt: later.toISOString(), bytes: after.pdf.length });
    // One row per assessment: the new render replaced the old.
    const rows = await t.db.assessmentReportPdf.findMany({ where: { assessmentId } });
    expect(rows.map((r) => r.generatedAt.toISOString())).toEqual([later.toISOString()]);
    // And the next download is served the renamed copy.
    const again = await downloadAssessmentReport({ actor: reader, assessmentId, now: new Date(t0.getTime() + 4 * HOUR) });
    expect(Buffer.compare(again.pdf, after.pdf)).toBe(0);
  }, 120_000);

  it("ten concurrent first downloads share one render", async () => {
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const { vendor } = await buildAssessedVendor({ procurement, security }, "Burst Render Ltd");
    const fresh = (await createAssessment({ actor: procurement, input: { vendorId: vendor.id } })).id;
    const downloads = await Promise.all(
      Array.from({ length: 10 }, (_, i) => downloadAssessmentReport({ actor: security, assessmentId: fresh, now: new Date(t0.getTime() + i * 60_000) })),
    );
    // Ten renders would print ten different minutes; one render is one document.
    for (const d of downloads) expect(Buffer.compare(d.pdf, downloads[0]!.pdf)).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "assessment.report.download", entityId: fresh } })).toBe(10);
  }, 120_000);
});
