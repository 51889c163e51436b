import { apiRoute, json, readJson } from "@/lib/server/api/api-route";
import { apiPackJobOf } from "@/lib/schemas/api/audit-packs";
import { getPackJob, startPackJob } from "@/lib/server/services/pack-jobs";

export const dynamic = "force-dynamic";

/**
 * POST /api/v1/audit-packs: starts a bulk export on the background job queue
 * (the Audit packs page's service) and answers 202 at once, with Location
 * naming the job to poll.
 */
export function POST(request: Request) {
  return apiRoute(request, async ({ actor }) => {
    // The service checks the permission before it validates the body.
    const { id } = await startPackJob({ actor, input: await readJson(request) });
    const job = apiPackJobOf(await getPackJob({ actor, jobId: id }));
    return json(job, { status: 202, headers: { Location: `/api/v1/audit-packs/${id}`, "Retry-After": "2" } });
  });
}
