import { apiRoute, json } from "@/lib/server/api/api-route";
import { apiPackJobOf } from "@/lib/schemas/api/audit-packs";
import { getPackJob } from "@/lib/server/services/pack-jobs";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit-packs/{id}: the export's progress; `archiveUrl` once it is done, Retry-After while it runs. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiRoute(request, async ({ actor }) => {
    const job = apiPackJobOf(await getPackJob({ actor, jobId: (await params).id }));
    const running = job.status === "queued" || job.status === "running";
    return json(job, running ? { headers: { "Retry-After": "2" } } : {});
  });
}
