import { Readable } from "node:stream";
import { apiRoute } from "@/lib/server/api/api-route";
import { openEvidence } from "@/lib/server/services/evidence";
import { evidenceDownloadHeaders } from "@/lib/server/storage/download-headers";
import { evidenceStore } from "@/lib/server/storage/evidence-store";

export const dynamic = "force-dynamic";

/** GET /api/v1/evidence/{id}/file: the file, through the UI's download service and with its headers (attachment, nosniff, sandbox CSP; audited). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiRoute(request, async ({ actor }) => {
    const { document, body } = await openEvidence({ actor, documentId: (await params).id, store: evidenceStore() });
    return new Response(Readable.toWeb(body) as ReadableStream, { headers: evidenceDownloadHeaders(document) });
  });
}
