// The REST API's evidence reads: a vendor's documents, newest upload first in
// keyset pages. Uploads and downloads go through the UI's own evidence
// service (services/evidence.ts): same checks, same storage, same audit.
import type { ApiEvidence, ApiEvidenceListQuery } from "@/lib/schemas/api/evidence";
import type { Actor } from "../actor";
import { afterDateCursor, decodeDateCursor, pageOf } from "../api/cursor";
import { requirePermission } from "../authorize";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";

const EVIDENCE_SELECT = {
  id: true,
  vendorId: true,
  kind: true,
  title: true,
  fileName: true,
  fileKind: true,
  mimeType: true,
  sizeBytes: true,
  sha256: true,
  effectiveDate: true,
  uploadedAt: true,
} as const satisfies Prisma.EvidenceDocumentSelect;

export function toApiEvidence(d: Prisma.EvidenceDocumentGetPayload<{ select: typeof EVIDENCE_SELECT }>): ApiEvidence {
  return { ...d, kind: d.kind as ApiEvidence["kind"], uploadedAt: d.uploadedAt.toISOString(), downloadUrl: `/api/v1/evidence/${d.id}/file` };
}

export async function listEvidenceForApi({ actor, vendorId, query }: { actor: Actor; vendorId: string; query: ApiEvidenceListQuery }): Promise<{ data: ApiEvidence[]; nextCursor: string | null }> {
  requirePermission(actor, "evidence.read");
  const client = db();
  const after = query.cursor ? decodeDateCursor(query.cursor) : null;
  if (!(await client.vendor.findUnique({ where: { id: vendorId }, select: { id: true } }))) throw notFound("Vendor not found.");
  const rows = await client.evidenceDocument.findMany({
    where: { vendorId, kind: query.kind, ...afterDateCursor("uploadedAt", after) },
    orderBy: [{ uploadedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: EVIDENCE_SELECT,
  });
  const { rows: page, nextCursor } = pageOf(rows, query.limit, (d) => [d.uploadedAt.toISOString(), d.id]);
  return { data: page.map(toApiEvidence), nextCursor };
}

/** One document's metadata, as the upload answers it (the caller has just stored it). */
export async function getEvidenceForApi({ actor, id }: { actor: Actor; id: string }): Promise<ApiEvidence> {
  requirePermission(actor, "evidence.read");
  const row = await db().evidenceDocument.findUnique({ where: { id }, select: EVIDENCE_SELECT });
  if (!row) throw notFound("Document not found.");
  return toApiEvidence(row);
}
