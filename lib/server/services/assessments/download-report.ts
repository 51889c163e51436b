import { assessmentReportFileName, buildAssessmentReport } from "@/lib/domain/assessments/assessment-report";
import type { Actor } from "../../actor";
import { recordAudit } from "../../audit";
import { requirePermission } from "../../authorize";
import { db } from "../../db";
import { notFound } from "../../errors";
import { renderReportPdfOffThread } from "../../pdf/render-pool";
import { reportPdfFor } from "../../pdf/report-pdf-store";
import { loadReportInput } from "./report-input";

/**
 * A user downloads an assessment's PDF: permission first, then the PDF of
 * the frozen snapshot, then the audit event (who took which version's
 * report, its size, its digest and when it was laid out), so the log shows
 * every copy that left the app. The PDF is the stored render when nothing it
 * depends on changed since (pdf/report-pdf-store.ts), else a new render on a
 * worker (pdf/render-pool.ts); either way it is ready before the audit
 * transaction opens, so nothing waits on the audit chain while a PDF is laid
 * out, and other requests keep being served meanwhile.
 */
export async function downloadAssessmentReport({ actor, assessmentId, now = new Date() }: { actor: Actor; assessmentId: string; now?: Date }) {
  requirePermission(actor, "assessment.read");
  const loaded = await loadReportInput(db(), assessmentId, now);
  if (!loaded) throw notFound("Assessment not found.");
  const report = buildAssessmentReport(loaded.input);
  const { pdf, generatedAt, sha256 } = await reportPdfFor(db(), assessmentId, report, renderReportPdfOffThread);
  const fileName = assessmentReportFileName(report.cover.vendorName, report.cover.version, report.cover.assessmentDay);
  await db().$transaction((tx) =>
    recordAudit(tx, actor, {
      action: "assessment.report.download",
      entityType: "assessment",
      entityId: assessmentId,
      vendorId: loaded.row.vendorId,
      after: { version: loaded.row.version, fileName, bytes: pdf.length, sha256, generatedAt: generatedAt.toISOString() },
    }),
  );
  return { pdf, fileName };
}
