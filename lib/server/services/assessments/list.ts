import { formatIsoDay } from "@/lib/domain/dates";
import { OPEN_REMEDIATION_STATUSES } from "@/lib/domain/assessments/remediation";
import type { VendorAssessments } from "@/lib/schemas/views/vendor-assessments";
import type { Actor } from "../../actor";
import { requirePermission } from "../../authorize";
import { db } from "../../db";
import { notFound } from "../../errors";
import { can } from "../../permissions";
import { freshnessOf, stateOf } from "./snapshot";
import { namesOf } from "./user-names";

/** The vendor's Assessments tab: every version, freshness of the newest, remediation items. */
export async function listVendorAssessments({ actor, vendorId, now = new Date() }: { actor: Actor; vendorId: string; now?: Date }): Promise<VendorAssessments> {
  requirePermission(actor, "assessment.read");
  const client = db();
  const vendor = await client.vendor.findUnique({ where: { id: vendorId }, select: { id: true, name: true, nextAssessmentDue: true } });
  if (!vendor) throw notFound("Vendor not found.");
  const rows = await client.assessment.findMany({
    where: { vendorId },
    orderBy: { version: "desc" },
    select: { id: true, version: true, state: true, overall: true, rating: true, createdAt: true, createdById: true, submittedAt: true, decidedAt: true, nextDueAt: true },
  });
  const remediation = await client.remediationItem.findMany({
    where: { vendorId },
    orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    include: { assessment: { select: { version: true } } },
  });
  const closingIds = remediation.map((r) => r.closingEvidenceId).filter((id): id is string => !!id);
  const [people, closing] = await Promise.all([
    namesOf(client, [...rows.map((r) => r.createdById), ...remediation.map((r) => r.ownerId)]),
    closingIds.length === 0 ? [] : client.evidenceDocument.findMany({ where: { id: { in: closingIds } }, select: { id: true, fileName: true } }),
  ]);
  const closingName = new Map(closing.map((d) => [d.id, d.fileName]));
  const latestRow = rows[0] ? await client.assessment.findUniqueOrThrow({ where: { id: rows[0].id }, select: { id: true, vendorId: true, dossier: true, settings: true } }) : null;
  const freshness = latestRow ? await freshnessOf(client, latestRow) : null;
  const manageRemediation = can(actor.role, "remediation.manage");
  const [users, documents] = manageRemediation
    ? await Promise.all([
        client.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
        client.evidenceDocument.findMany({ where: { vendorId }, orderBy: { uploadedAt: "desc" }, select: { id: true, fileName: true, title: true, effectiveDate: true } }),
      ])
    : [[], []];
  const today = formatIsoDay(now);
  return {
    vendor,
    versions: rows.map((r) => ({ ...r, state: stateOf(r), createdByName: people.get(r.createdById)?.name ?? "Unknown user" })),
    freshness,
    remediation: remediation.map((r) => ({
      id: r.id,
      version: r.version,
      title: r.title,
      findingCode: r.findingCode,
      findingMessage: r.findingMessage,
      ownerId: r.ownerId,
      ownerName: r.ownerId ? (people.get(r.ownerId)?.name ?? "Unknown user") : null,
      dueDate: r.dueDate,
      status: r.status,
      closingEvidenceId: r.closingEvidenceId,
      closingEvidenceName: r.closingEvidenceId ? (closingName.get(r.closingEvidenceId) ?? null) : null,
      closingNote: r.closingNote,
      assessmentId: r.assessmentId,
      assessmentVersion: r.assessment?.version ?? null,
      overdue: (OPEN_REMEDIATION_STATUSES as readonly string[]).includes(r.status) && r.dueDate < today,
    })),
    may: { create: can(actor.role, "assessment.create"), manageRemediation },
    users,
    documents,
    now,
  };
}
