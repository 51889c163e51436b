import { requireActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { declaredUpload } from "@/lib/server/http/upload-integrity";
import { decodeFileNameHeader } from "@/lib/server/http/file-name-header";
import { handleRoute } from "@/lib/server/route-errors";
import { previewSpreadsheetImport, requireImportPermission } from "@/lib/server/services/spreadsheet-import";
import { IMPORT_MAX_BYTES, importKindSchema } from "@/lib/schemas/spreadsheet-import";

export const dynamic = "force-dynamic";

/**
 * Upload of a spreadsheet to import (docs/import-export.md): the raw file is
 * the body (the browser shows upload progress), the import type is ?kind= and
 * the name the X-File-Name header. Answers the stored preview's id and counts;
 * the page then shows the preview and offers the commit. The body is read up
 * to the import's size limit (below the proxy's 10 MB, see proxy.ts) and its
 * byte count checked against Content-Length, so a truncated file is refused.
 */
export async function POST(request: Request) {
  return handleRoute(async () => {
    const actor = await requireActor();
    // Refused before a byte is read when the role may not import this type (the service checks again).
    const kind = new URL(request.url).searchParams.get("kind");
    const parsedKind = importKindSchema.safeParse(kind);
    if (!parsedKind.success) throw new AppError("VALIDATION", "Choose what the file holds.", { kind: "Choose what the file holds" });
    requireImportPermission(actor, parsedKind.data);
    const declared = declaredUpload(request.headers);
    if (!request.body) throw new AppError("VALIDATION", "Choose a file to upload.", { file: "Choose a file to upload" });
    if (declared.sizeBytes !== null && declared.sizeBytes > IMPORT_MAX_BYTES) throw tooLarge();
    const bytes = await readCapped(request.body, IMPORT_MAX_BYTES);
    if (declared.sizeBytes !== null && bytes.length !== declared.sizeBytes) {
      throw new AppError("VALIDATION", `Only part of the file arrived (${bytes.length} of ${declared.sizeBytes} bytes). Upload it again.`, { file: "Only part of the file arrived" });
    }
    const summary = await previewSpreadsheetImport({ actor, kind, fileName: decodeFileNameHeader(request.headers.get("x-file-name")), bytes });
    return Response.json({ ok: true, import: { id: summary.id, rowCount: summary.rowCount, errorCount: summary.errorCount, createCount: summary.createCount, updateCount: summary.updateCount } }, { status: 201 });
  });
}

function tooLarge(): AppError {
  const message = `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it into several imports.`;
  return new AppError("VALIDATION", message, { file: message });
}

async function readCapped(body: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > max) throw tooLarge();
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
