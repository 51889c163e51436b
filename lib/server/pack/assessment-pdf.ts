// The seam between audit packs and the assessment PDF. The assessments
// feature owns the PDF (lib/server/pdf/assessment-report.tsx); packs render
// through its renderAssessmentPdf so the PDF in a pack is the same document
// the assessment page serves, rendered from the same frozen snapshot. Packs
// also always carry each assessment's snapshot as JSON (machine-readable).
// Tests pass their own renderer (or null) through the pack request instead.
import { renderAssessmentPdf } from "../pdf/assessment-report";

export type RenderAssessmentPdf = (assessmentId: string) => Promise<Buffer>;

export async function assessmentPdfRenderer(): Promise<RenderAssessmentPdf | null> {
  return (assessmentId) => renderAssessmentPdf(assessmentId);
}
