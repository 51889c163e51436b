import { apiRoute, json } from "@/lib/server/api/api-route";
import { readMultipartUpload } from "@/lib/server/api/multipart-upload";
import { apiEvidenceListQuerySchema, apiEvidenceUploadFieldsSchema } from "@/lib/schemas/api/evidence";
import { requirePermission } from "@/lib/server/authorize";
import { getEvidenceForApi, listEvidenceForApi } from "@/lib/server/services/api-evidence";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { evidenceStore } from "@/lib/server/storage/evidence-store";
import { parseInput } from "@/lib/server/validation";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

/** GET /api/v1/vendors/{id}/evidence: the vendor's evidence files' metadata, newest upload first; a cursor per page. */
export function GET(request: Request, { params }: Params) {
  return apiRoute(request, async ({ actor }) => {
    const query = parseInput(apiEvidenceListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
    return json(await listEvidenceForApi({ actor, vendorId: (await params).id, query }));
  });
}

/**
 * POST /api/v1/vendors/{id}/evidence: multipart/form-data, the upload form's
 * fields first, then the `file` part. Stored by the UI's upload service (type
 * from content, size limit from the settings, safe name, audited); the path is
 * kept out of the proxy (proxy.ts), which would cut a large body short.
 */
export function POST(request: Request, { params }: Params) {
  return apiRoute(request, async ({ actor }) => {
    // Refused callers are refused before their body is read.
    requirePermission(actor, "evidence.upload");
    const { id: vendorId } = await params;
    const upload = await readMultipartUpload(request);
    const { sha256, ...fields } = parseInput(apiEvidenceUploadFieldsSchema, upload.fields);
    const { document, duplicateOf } = await uploadEvidence({
      actor,
      input: { ...fields, vendorId },
      stream: upload.file,
      declaredName: upload.fileName,
      declared: { sizeBytes: null, sha256: sha256 ?? null },
      store: evidenceStore(),
    });
    const stored = await getEvidenceForApi({ actor, id: document.id });
    return json({ ...stored, duplicateOf: duplicateOf ?? null }, { status: 201, headers: { Location: stored.downloadUrl } });
  });
}
