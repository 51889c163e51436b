import { apiRoute, json, readJson } from "@/lib/server/api/api-route";
import { apiVendorListQuerySchema } from "@/lib/schemas/api/vendors";
import { getVendorForApi, listVendorsForApi } from "@/lib/server/services/api-vendors";
import { createVendor } from "@/lib/server/services/vendors";
import { parseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

/** GET /api/v1/vendors: the vendor list's filters, sorted by name, a cursor per page. */
export function GET(request: Request) {
  return apiRoute(request, async ({ actor }) => {
    const query = parseInput(apiVendorListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    return json(await listVendorsForApi({ actor, query }));
  });
}

/** POST /api/v1/vendors: the vendor form's fields; answers 201 with the vendor. */
export function POST(request: Request) {
  return apiRoute(request, async ({ actor }) => {
    // The service checks the permission before it validates: a refused caller learns nothing about the body.
    const created = await createVendor({ actor, input: await readJson(request) });
    return json(await getVendorForApi({ actor, id: created.id }), { status: 201, headers: { Location: `/api/v1/vendors/${created.id}` } });
  });
}
