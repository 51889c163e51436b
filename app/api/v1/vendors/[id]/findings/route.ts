import { apiRoute, json } from "@/lib/server/api/api-route";
import { apiFindingSchema } from "@/lib/schemas/api/vendors";
import { getVendorDossierView } from "@/lib/server/services/dossier-view";

export const dynamic = "force-dynamic";

/** GET /api/v1/vendors/{id}/findings: the vendor's open findings, computed now (as the vendor page shows them). */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiRoute(request, async ({ actor }) => {
    const view = await getVendorDossierView({ actor, vendorId: (await params).id });
    // Parsed through the documented shape, so the answer holds exactly what the OpenAPI document promises.
    return json({ data: view.findings.map((f) => apiFindingSchema.parse(f)) });
  });
}
