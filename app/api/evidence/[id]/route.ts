import { Readable } from "node:stream";
import { requireActor } from "@/lib/server/auth";
import { handleRoute } from "@/lib/server/route-errors";
import { openEvidence } from "@/lib/server/services/evidence";
import { evidenceDownloadHeaders } from "@/lib/server/storage/download-headers";
import { evidenceStore } from "@/lib/server/storage/evidence-store";

export const dynamic = "force-dynamic";

/** Evidence download: permission first, always an attachment, never rendered inline. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const { id } = await params;
    const { document, body } = await openEvidence({ actor, documentId: id, store: evidenceStore() });
    return new Response(Readable.toWeb(body) as ReadableStream, { headers: evidenceDownloadHeaders(document) });
  });
}
