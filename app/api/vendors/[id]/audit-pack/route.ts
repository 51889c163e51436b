import { contentDispositionAttachment } from "@/lib/domain/uploads/file-name";
import { vendorPackQuerySchema } from "@/lib/schemas/audit-pack";
import { requireActor } from "@/lib/server/auth";
import { requirePermission } from "@/lib/server/authorize";
import { openVendorPack } from "@/lib/server/services/vendor-pack";
import { handleRoute } from "@/lib/server/route-errors";

export const dynamic = "force-dynamic";

/**
 * One vendor's signed audit pack (?pdfs=all|latest), streamed as it is built:
 * evidence files flow from storage into the ZIP without being held in memory.
 * The permission is checked before anything about the vendor is read; the
 * export is audited ("pack.export") before the first byte.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return handleRoute(async () => {
    const actor = await requireActor();
    requirePermission(actor, "pack.export");
    const { id } = await params;
    const { pdfs } = vendorPackQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const pack = await openVendorPack({ actor, vendorId: id, pdfs });
    pack.manifest.catch((error: unknown) => console.error(`Audit pack for vendor ${id} failed while streaming`, error));
    return new Response(pack.stream, {
      headers: {
        "Content-Type": "application/zip",
        "Content-Disposition": contentDispositionAttachment(pack.fileName),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
      },
    });
  });
}
