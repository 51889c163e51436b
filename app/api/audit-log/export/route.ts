import { auditExportFormatSchema, auditLogFilterSchema } from "@/lib/schemas/audit-log";
import { exportAuditLog } from "@/lib/server/services/audit-events";
import { requireActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { batchText, iterableToStream } from "@/lib/server/http/stream-response";
import { handleRoute } from "@/lib/server/route-errors";
import { contentDispositionAttachment } from "@/lib/domain/uploads/file-name";

export const dynamic = "force-dynamic";

/**
 * The audit log screen's filtered view as CSV or JSONL (?format=csv|jsonl and
 * the screen's filters). Streamed page by page; the export is audited.
 */
export async function GET(request: Request) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const format = auditExportFormatSchema.safeParse(params.format ?? "csv");
    if (!format.success) throw new AppError("VALIDATION", "Choose csv or jsonl.", { format: "Choose csv or jsonl" });
    const filter = auditLogFilterSchema.parse(params);
    const exported = await exportAuditLog({ actor, filter, format: format.data });
    return new Response(iterableToStream(batchText(exported.lines)), {
      headers: {
        "Content-Type": exported.contentType,
        "Content-Disposition": contentDispositionAttachment(exported.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
