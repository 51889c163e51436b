import { apiRoute, json, readJson } from "@/lib/server/api/api-route";
import { apiDossierReplaceQuerySchema } from "@/lib/schemas/api/dossier";
import { requireEveryRecordPermission } from "@/lib/server/services/import-dossier";
import { requirePermission } from "@/lib/server/authorize";
import { getVendorForApi } from "@/lib/server/services/api-vendors";
import { exportVendorDossier, importDossierFile } from "@/lib/server/services/dossier-interchange";
import { evidenceStore } from "@/lib/server/storage/evidence-store";
import { parseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** GET /api/v1/vendors/{id}/dossier: the vendor's dossier in the interchange format (as an audit pack's dossier.json; audited). */
export function GET(request: Request, { params }: Params) {
  return apiRoute(request, async ({ actor }) => json(await exportVendorDossier({ actor, vendorId: (await params).id })));
}

/** PUT /api/v1/vendors/{id}/dossier?version=N: replaces the vendor's whole dossier with the body; 409 when the vendor changed since version N. */
export function PUT(request: Request, { params }: Params) {
  return apiRoute(request, async ({ actor }) => {
    // Refused callers learn nothing about their query or body.
    requirePermission(actor, "vendor.update");
    requireEveryRecordPermission(actor);
    const { id } = await params;
    const { version } = parseInput(apiDossierReplaceQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    await importDossierFile({ actor, input: await readJson(request), replace: { vendorId: id, version }, store: evidenceStore() });
    return json(await getVendorForApi({ actor, id }));
  });
}
