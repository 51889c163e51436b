import { requireActor } from "@/lib/server/auth";
import { handleRoute } from "@/lib/server/route-errors";
import { downloadAssessmentReport } from "@/lib/server/services/assessments/download-report";
import { reportPdfHeaders } from "@/lib/server/storage/download-headers";

export const dynamic = "force-dynamic";

/** GET /assessments/<id>/report.pdf: the frozen assessment as a PDF (assessment.read, audited). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const { id } = await params;
    const { pdf, fileName } = await downloadAssessmentReport({ actor, assessmentId: id });
    return new Response(new Uint8Array(pdf), { headers: reportPdfHeaders(fileName, pdf.length) });
  });
}
