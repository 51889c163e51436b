import { apiRoute, json, readJson } from "@/lib/server/api/api-route";
import { apiVendorUpdateSchema } from "@/lib/schemas/api/vendors";
import { getVendorForApi } from "@/lib/server/services/api-vendors";
import { updateVendor } from "@/lib/server/services/vendors";
import { parseInput } from "@/lib/server/validation";

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
    const input = parseInput(apiVendorUpdateSchema, await readJson(request));
    await updateVendor({ actor, input: { ...input, id } });
    return json(await getVendorForApi({ actor, id }));
  });
}
