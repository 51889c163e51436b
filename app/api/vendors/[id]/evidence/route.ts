import { Readable } from "node:stream";
import { requireActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { declaredUpload } from "@/lib/server/http/upload-integrity";
import { decodeFileNameHeader } from "@/lib/server/http/file-name-header";
import { handleRoute } from "@/lib/server/route-errors";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { evidenceStore } from "@/lib/server/storage/evidence-store";

export const dynamic = "force-dynamic";

/**
 * Evidence upload: the raw file is the request body (streamed, never buffered
 * whole), the metadata travels in the query string and the name in a header.
 * Server actions would buffer the whole file and cap its size far below 25 MB.
 * This path is kept out of the proxy matcher (proxy.ts): the proxy buffers at
 * most 10 MB of a body and silently drops the rest. The byte count and the
 * optional digest are checked anyway, so a truncated body is never stored.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const { id: vendorId } = await params;
    if (!request.body) throw new AppError("VALIDATION", "Choose a file to upload.", { file: "Choose a file to upload" });
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const declaredName = decodeFileNameHeader(request.headers.get("x-file-name"));
    const { document, duplicateOf, duplicateKind } = await uploadEvidence({
      actor,
      input: { ...query, vendorId },
      stream: Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>),
      declaredName,
      declared: declaredUpload(request.headers),
      store: evidenceStore(),
    });
    return Response.json(
      {
        ok: true,
        document: {
          id: document.id,
          fileName: document.fileName,
          sha256: document.sha256,
          sizeBytes: document.sizeBytes,
          duplicate: Boolean(duplicateOf),
          duplicateOf: duplicateOf ? { ...duplicateOf, kind: duplicateKind } : null,
        },
      },
      { status: 201 },
    );
  });
}
