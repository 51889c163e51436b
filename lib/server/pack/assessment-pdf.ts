// The seam between audit packs and the assessment PDF. The assessments
// feature owns the PDF (lib/server/pdf/assessment-report.tsx); packs render
// through its renderAssessmentPdf so the PDF in a pack is the same document
// the assessment page serves, rendered from the same frozen snapshot. Packs
// also always carry each assessment's snapshot as JSON (machine-readable).
// Tests pass their own renderer (or null) through the pack request instead.
// The layout runs on the PDF worker pool (pdf/render-pool.ts), so a pack with
// many reports does not hold the server's thread.
import { renderAssessmentPdfOffThread } from "../pdf/render-pool";

export type RenderAssessmentPdf = (assessmentId: string) => Promise<Buffer>;

export async function assessmentPdfRenderer(): Promise<RenderAssessmentPdf | null> {
  return (assessmentId) => renderAssessmentPdfOffThread(assessmentId);
}
