import { apiRoute, json } from "@/lib/server/api/api-route";
import { getAssessmentForApi } from "@/lib/server/services/api-assessments";

export const dynamic = "force-dynamic";

/** GET /api/v1/assessments/{id}: one version with its sign-offs and frozen findings. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiRoute(request, async ({ actor }) => json(await getAssessmentForApi({ actor, id: (await params).id })));
}
