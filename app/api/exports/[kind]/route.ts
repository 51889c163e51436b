import { Readable } from "node:stream";
import { EXPORT_KINDS, type ExportKind } from "@/lib/schemas/spreadsheet-import";
import { requireActor } from "@/lib/server/auth";
import { notFound } from "@/lib/server/errors";
import { batchText, iterableToStream } from "@/lib/server/http/stream-response";
import { SHEET_CONTENT_TYPES, csvPieces, xlsxStream } from "@/lib/server/imports/sheet-writer";
import { handleRoute } from "@/lib/server/route-errors";
import { exportSpreadsheet } from "@/lib/server/services/spreadsheet-export";
import { contentDispositionAttachment } from "@/lib/domain/uploads/file-name";

export const dynamic = "force-dynamic";

/**
 * The vendor list (with the list page's filters in the query string), the
 * findings of those vendors, or the renewal calendar (?from=&to=), as
 * ?format=csv|xlsx. Streamed while the database is read page by page; the
 * export is audited before the first byte.
 */
export async function GET(request: Request, { params }: { params: Promise<{ kind: string }> }) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const { kind } = await params;
    if (!(EXPORT_KINDS as readonly string[]).includes(kind)) throw notFound("No such export.");
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const exported = await exportSpreadsheet({ actor, kind: kind as ExportKind, params: query });
    const body =
      exported.format === "csv"
        ? iterableToStream(batchText(csvPieces(exported.header, exported.rows)))
        : (Readable.toWeb(xlsxStream(exported.sheetName, exported.header, exported.rows)) as ReadableStream<Uint8Array>);
    return new Response(body, {
      headers: {
        "Content-Type": SHEET_CONTENT_TYPES[exported.format],
        "Content-Disposition": contentDispositionAttachment(exported.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
