import { apiRoute, json } from "@/lib/server/api/api-route";
import { apiVendorAssessmentListQuerySchema } from "@/lib/schemas/api/assessments";
import { listAssessmentsForApi } from "@/lib/server/services/api-assessments";
import { parseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

/** GET /api/v1/vendors/{id}/assessments: one vendor's assessment versions, newest first (404 for an unknown vendor). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiRoute(request, async ({ actor }) => {
    const query = parseInput(apiVendorAssessmentListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    return json(await listAssessmentsForApi({ actor, query: { ...query, vendorId: (await params).id } }));
  });
}
