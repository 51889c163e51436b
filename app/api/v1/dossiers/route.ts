import { apiRoute, json, readJson } from "@/lib/server/api/api-route";
import { getVendorForApi } from "@/lib/server/services/api-vendors";
import { importDossierFile } from "@/lib/server/services/dossier-interchange";
import { evidenceStore } from "@/lib/server/storage/evidence-store";

export const dynamic = "force-dynamic";

/** POST /api/v1/dossiers: creates a vendor from a dossier in the interchange format; answers 201 with the vendor. */
export function POST(request: Request) {
  return apiRoute(request, async ({ actor }) => {
    // The service checks the permissions before it validates the body.
    const vendor = await importDossierFile({ actor, input: await readJson(request), store: evidenceStore() });
    return json(await getVendorForApi({ actor, id: vendor.id }), { status: 201, headers: { Location: `/api/v1/vendors/${vendor.id}` } });
  });
}
