import { Readable } from "node:stream";
import { contentDispositionAttachment } from "@/lib/domain/uploads/file-name";
import { requireActor } from "@/lib/server/auth";
import { openPackJobDownload } from "@/lib/server/services/pack-jobs";
import { handleRoute } from "@/lib/server/route-errors";

export const dynamic = "force-dynamic";

/** A finished bulk export's archive (pack.export); the download is audited. */
export async function GET(_request: Request, { params }: { params: Promise<{ jobId: string }> }) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const { jobId } = await params;
    const file = await openPackJobDownload({ actor, jobId });
    const body = Readable.toWeb(await file.open()) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Length": String(file.sizeBytes),
        "Content-Disposition": contentDispositionAttachment(file.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        ...(file.sha256 ? { "X-Content-SHA256": file.sha256 } : {}),
      },
    });
  });
}
