import { Readable } from "node:stream";
import { apiRoute } from "@/lib/server/api/api-route";
import { openPackJobDownload } from "@/lib/server/services/pack-jobs";
import { packArchiveHeaders } from "@/lib/server/storage/download-headers";

export const dynamic = "force-dynamic";

/** GET /api/v1/audit-packs/{id}/archive: the finished export's signed archive (audited, as the page's download); 409 before it is done. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiRoute(request, async ({ actor }) => {
    const file = await openPackJobDownload({ actor, jobId: (await params).id });
    return new Response(Readable.toWeb(await file.open()) as ReadableStream<Uint8Array>, { headers: packArchiveHeaders(file) });
  });
}
