import { apiRoute, json, readJson } from "@/lib/server/api/api-route";
import { getVendorForApi } from "@/lib/server/services/api-vendors";
import { updateVendor } from "@/lib/server/services/vendors";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** GET /api/v1/vendors/{id} */
export function GET(request: Request, { params }: Params) {
  return apiRoute(request, async ({ actor }) => json(await getVendorForApi({ actor, id: (await params).id })));
}

/** PATCH /api/v1/vendors/{id}: the whole profile and the `version` it was read at; 409 if it changed since. */
export function PATCH(request: Request, { params }: Params) {
  return apiRoute(request, async ({ actor }) => {
    const { id } = await params;
    const body = await readJson(request);
    // The path names the vendor; the service checks the permission, then the body (vendorUpdateSchema).
    await updateVendor({ actor, input: body && typeof body === "object" ? { ...body, id } : body });
    return json(await getVendorForApi({ actor, id }));
  });
}
