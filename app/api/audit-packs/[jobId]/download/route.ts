import { Readable } from "node:stream";
import { requireActor } from "@/lib/server/auth";
import { openPackJobDownload } from "@/lib/server/services/pack-jobs";
import { handleRoute } from "@/lib/server/route-errors";
import { packArchiveHeaders } from "@/lib/server/storage/download-headers";

export const dynamic = "force-dynamic";

/** A finished bulk export's archive (pack.export); the download is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const { jobId } = await params;
    const file = await openPackJobDownload({ actor, jobId });
    const body = Readable.toWeb(await file.open()) as ReadableStream<Uint8Array>;
    return new Response(body, { headers: packArchiveHeaders(file) });
  });
}
