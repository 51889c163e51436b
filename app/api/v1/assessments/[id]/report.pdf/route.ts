import { apiRoute } from "@/lib/server/api/api-route";
import { downloadAssessmentReport } from "@/lib/server/services/assessments/download-report";
import { reportPdfHeaders } from "@/lib/server/storage/download-headers";

export const dynamic = "force-dynamic";

/** GET /api/v1/assessments/{id}/report.pdf: the PDF the assessment page offers, through the same service (stored render, audited download). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiRoute(request, async ({ actor }) => {
    const { pdf, fileName } = await downloadAssessmentReport({ actor, assessmentId: (await params).id });
    return new Response(new Uint8Array(pdf), { headers: reportPdfHeaders(fileName, pdf.length) });
  });
}
