import { exportFormatSchema, importKindSchema } from "@/lib/schemas/spreadsheet-import";
import { requireActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { importTemplate } from "@/lib/server/imports/templates";
import { SHEET_CONTENT_TYPES } from "@/lib/server/imports/sheet-writer";
import { handleRoute } from "@/lib/server/route-errors";
import { requireImportPermission } from "@/lib/server/services/spreadsheet-import";
import { contentDispositionAttachment } from "@/lib/domain/uploads/file-name";

export const dynamic = "force-dynamic";

/** The template of an import type (?kind=vendors|sites|soc2|iso|insurance&format=csv|xlsx): header row and an example row. */
export async function GET(request: Request) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const params = new URL(request.url).searchParams;
    const kind = importKindSchema.safeParse(params.get("kind"));
    if (!kind.success) throw new AppError("VALIDATION", "Choose an import type.", { kind: "Choose an import type" });
    const format = exportFormatSchema.safeParse(params.get("format") ?? "csv");
    if (!format.success) throw new AppError("VALIDATION", "Choose csv or xlsx.", { format: "Choose csv or xlsx" });
    requireImportPermission(actor, kind.data);
    const { fileName, bytes } = await importTemplate(kind.data, format.data);
    return new Response(bytes as unknown as BodyInit, {
      headers: {
        "Content-Type": SHEET_CONTENT_TYPES[format.data],
        "Content-Disposition": contentDispositionAttachment(fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
