import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildAssessmentReport, type AssessmentReport } from "@/lib/domain/assessments/assessment-report";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { renderReportPdf } from "@/lib/server/pdf/assessment-report";
import { assessmentPdfRenderer } from "@/lib/server/pack/assessment-pdf";
import { PdfRenderPool } from "@/lib/server/pdf/render-pool";
import { downloadAssessmentReport } from "@/lib/server/services/assessments/download-report";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { loadReportInput } from "@/lib/server/services/assessments/report-input";
import { buildAssessedVendor } from "../assessments/build-vendor";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

// PDF layout is CPU-bound (~170 ms a report). On the request thread, ten
// concurrent downloads starved every other request, and an audit transaction
// waiting behind them expired (HTTP 500). Renders now run on a bounded pool
// of worker threads and queue there.

/** Longest gap between ticks of a 5 ms interval while `work` runs. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(longest, performance.now() - last);
}

forEachProvider("assessment PDFs rendered off the request thread", (t) => {
  let assessmentId: string;
  let report: AssessmentReport;
  const pools: PdfRenderPool[] = [];

  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const { vendor } = await buildAssessedVendor({ procurement, security }, "Pooled Render Ltd");
    assessmentId = (await createAssessment({ actor: procurement, input: { vendorId: vendor.id } })).id;
    report = buildAssessmentReport((await loadReportInput(t.db, assessmentId, new Date()))!.input);
  }, 120_000);
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });

  it("a one-worker pool queues eight renders instead of failing, and the caller's thread stays free", async () => {
    const pool = new PdfRenderPool(1, () => Promise.reject(new Error("the fallback must not be used")));
    pools.push(pool);
    await pool.render(report); // the worker's first render loads the renderer
    let results: Buffer[] = [];
    const stall = await longestStall(async () => {
      const pending = Array.from({ length: 8 }, () => pool.render(report));
      expect(pool.running).toBe(1);
      expect(pool.waiting).toBe(7);
      results = await Promise.all(pending);
    });
    expect(results).toHaveLength(8);
    for (const pdf of results) expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    // One render on this thread blocks it for its whole layout (~170 ms on an idle
    // machine); eight on the pool block it less than that one (it only routes messages).
    await renderReportPdf(report); // warm, like the worker
    const onThread = await longestStall(() => renderReportPdf(report));
    expect(stall).toBeLessThan(onThread);
  }, 120_000);

  it("renders the same document as the request thread would", async () => {
    const pool = new PdfRenderPool(1, () => Promise.reject(new Error("the fallback must not be used")));
    pools.push(pool);
    const [offThread, onThread] = await Promise.all([pool.render(report), renderReportPdf(report)]);
    // Same page count and size within a few bytes (object ids and dates are identical; fonts subset the same).
    expect(offThread.length).toBe(onThread.length);
  }, 120_000);

  it("ten concurrent downloads all succeed, each audited", async () => {
    const reader = await makeActor("security");
    const downloads = await Promise.all(Array.from({ length: 10 }, () => downloadAssessmentReport({ actor: reader, assessmentId })));
    for (const { pdf } of downloads) expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await t.db.auditEvent.count({ where: { action: "assessment.report.download", entityId: assessmentId, actorId: reader.id } })).toBe(10);
  }, 120_000);

  it("audit packs render through the pool too: the assessment's report, read back as text", async () => {
    const render = (await assessmentPdfRenderer())!;
    const pooled = await render(assessmentId);
    expect(pooled.subarray(0, 5).toString()).toBe("%PDF-");
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pooled, encoding: "utf8" });
    expect(text).toContain("Pooled Render Ltd");
  }, 120_000);
});
