import { requireActor } from "@/lib/server/auth";
import { getPackJob } from "@/lib/server/services/pack-jobs";
import { handleRoute } from "@/lib/server/route-errors";

export const dynamic = "force-dynamic";

/** A bulk export's progress as JSON, polled by the Audit packs page (read-only, pack.export). */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const { jobId } = await params;
    const job = await getPackJob({ actor, jobId });
    return Response.json({ ok: true, job }, { headers: { "Cache-Control": "no-store" } });
  });
}
