// The REST API's assessment reads: the Assessments tab's versions, for one
// vendor or the whole portfolio, newest first in keyset pages on the
// (createdAt, id) and (state, createdAt, id) indexes, so a deep page costs
// what the first does at any portfolio size. The PDF goes through the UI's
// own downloadAssessmentReport (stored renders, audited).
import type { ApiAssessment, ApiAssessmentDetail, ApiAssessmentListQuery } from "@/lib/schemas/api/assessments";
import { apiFindingSchema } from "@/lib/schemas/api/vendors";
import type { Actor } from "../actor";
import { afterDateCursor, decodeDateCursor, pageOf } from "../api/cursor";
import { requirePermission } from "../authorize";
import { db, type Prisma } from "../db";
import { notFound } from "../errors";
import { stateOf } from "./assessments/snapshot";

const ASSESSMENT_SELECT = {
  id: true,
  version: true,
  state: true,
  overall: true,
  rating: true,
  createdAt: true,
  submittedAt: true,
  decidedAt: true,
  nextDueAt: true,
  lockVersion: true,
  vendor: { select: { id: true, name: true } },
} as const satisfies Prisma.AssessmentSelect;

type AssessmentRow = Prisma.AssessmentGetPayload<{ select: typeof ASSESSMENT_SELECT }>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toApiAssessment(a: AssessmentRow): ApiAssessment {
  return {
    id: a.id,
    vendor: a.vendor,
    version: a.version,
    state: stateOf(a),
    overall: a.overall,
    rating: a.rating as ApiAssessment["rating"],
    createdAt: a.createdAt.toISOString(),
    submittedAt: iso(a.submittedAt),
    decidedAt: iso(a.decidedAt),
    nextDueAt: iso(a.nextDueAt),
    lockVersion: a.lockVersion,
    reportUrl: `/api/v1/assessments/${a.id}/report.pdf`,
  };
}

export async function listAssessmentsForApi({ actor, query }: { actor: Actor; query: ApiAssessmentListQuery }): Promise<{ data: ApiAssessment[]; nextCursor: string | null }> {
  requirePermission(actor, "assessment.read");
  const client = db();
  const after = query.cursor ? decodeDateCursor(query.cursor) : null;
  if (query.vendorId && !(await client.vendor.findUnique({ where: { id: query.vendorId }, select: { id: true } }))) throw notFound("Vendor not found.");
  const rows = await client.assessment.findMany({
    where: { state: query.state, rating: query.rating, vendorId: query.vendorId, ...afterDateCursor("createdAt", after) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: ASSESSMENT_SELECT,
  });
  const { rows: page, nextCursor } = pageOf(rows, query.limit, (a) => [a.createdAt.toISOString(), a.id]);
  return { data: page.map(toApiAssessment), nextCursor };
}

export async function getAssessmentForApi({ actor, id }: { actor: Actor; id: string }): Promise<ApiAssessmentDetail> {
  requirePermission(actor, "assessment.read");
  const row = await db().assessment.findUnique({
    where: { id },
    select: { ...ASSESSMENT_SELECT, findings: true, signOffs: { orderBy: { signedAt: "asc" }, select: { role: true, decision: true, signedAt: true } } },
  });
  if (!row) throw notFound("Assessment not found.");
  return {
    ...toApiAssessment(row),
    signOffs: row.signOffs.map((s) => ({ role: s.role, decision: s.decision, signedAt: s.signedAt.toISOString() })),
    // Parsed through the documented shape: the frozen JSON may carry more than the API promises.
    findings: (row.findings as unknown[]).map((f) => apiFindingSchema.parse(f)),
  };
}
