import { apiRoute, json } from "@/lib/server/api/api-route";
import { apiAssessmentListQuerySchema } from "@/lib/schemas/api/assessments";
import { listAssessmentsForApi } from "@/lib/server/services/api-assessments";
import { parseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

/** GET /api/v1/assessments: every vendor's assessment versions, newest first, filtered by state, rating or vendor; a cursor per page. */
export function GET(request: Request) {
  return apiRoute(request, async ({ actor }) => {
    const query = parseInput(apiAssessmentListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    return json(await listAssessmentsForApi({ actor, query }));
  });
}
