import { pendingSignOffRoles, type SignOffDecision, type SignOffRole } from "@/lib/domain/assessments/assessment-workflow";
import { addDaysToDay, daysUntil, formatIsoDay } from "@/lib/domain/dates";
import { dueDayInstant } from "@/lib/domain/assessments/next-due";
import { OPEN_REMEDIATION_STATUSES } from "@/lib/domain/assessments/remediation";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import type { Actor } from "../../actor";
import { requirePermission } from "../../authorize";
import { db } from "../../db";
import { keptPerVersion } from "../kept-per-version";
import { namesOf } from "./user-names";

export const DUE_SOON_DAYS = 30;
/** Rows per page of each list. */
export const LIST_LIMIT = 50;

/** Which page of each paged list to show (1 when absent). */
export interface ProcurementPages {
  due?: number;
  never?: number;
  remediation?: number;
}

const skipFor = (page: number | undefined) => ((page ?? 1) - 1) * LIST_LIMIT;

/**
 * Procurement's landing page: vendors whose next assessment is due (or that
 * were never assessed), assessments in review or still in draft, and overdue
 * remediation across all vendors.
 */
export async function getProcurementOverview({ actor, now = new Date(), pages = {} }: { actor: Actor; now?: Date; pages?: ProcurementPages }) {
  requirePermission(actor, "assessment.read");
  // Its counts read every vendor: kept per portfolio version, which includes the day every date here is judged by.
  return keptPerVersion("procurement", now, `${pages.due ?? 1}|${pages.never ?? 1}|${pages.remediation ?? 1}`, () => computeOverview(now, pages));
}

async function computeOverview(now: Date, pages: ProcurementPages) {
  const client = db();
  const today = formatIsoDay(now);
  const horizon = dueDayInstant(addDaysToDay(today, DUE_SOON_DAYS));
  const activeVendor = { status: { not: "offboarded" } };
  const [dueRows, dueCount, neverRows, neverCount, workflowRows, overdueRows, overdueCount] = await Promise.all([
    client.vendor.findMany({
      where: { ...activeVendor, nextAssessmentDue: { lte: horizon } },
      orderBy: [{ nextAssessmentDue: "asc" }, { searchName: "asc" }, { id: "asc" }],
      skip: skipFor(pages.due),
      take: LIST_LIMIT,
      // The draft already started, if any: the row's action continues it rather than starting another.
      select: { id: true, name: true, tier: true, nextAssessmentDue: true, assessments: { where: { state: "draft" }, orderBy: { version: "desc" }, take: 1, select: { id: true } } },
    }),
    client.vendor.count({ where: { ...activeVendor, nextAssessmentDue: { lte: horizon } } }),
    client.vendor.findMany({
      where: { ...activeVendor, nextAssessmentDue: null, assessments: { none: {} } },
      orderBy: [{ tierRank: "asc" }, { searchName: "asc" }, { id: "asc" }],
      skip: skipFor(pages.never),
      take: LIST_LIMIT,
      select: { id: true, name: true, tier: true },
    }),
    client.vendor.count({ where: { ...activeVendor, nextAssessmentDue: null, assessments: { none: {} } } }),
    client.assessment.findMany({
      where: { state: { in: ["draft", "in_review"] } },
      orderBy: [{ createdAt: "asc" }],
      take: 200,
      select: { id: true, vendorId: true, version: true, state: true, overall: true, rating: true, createdAt: true, submittedAt: true, signOffs: { select: { role: true, decision: true } }, vendor: { select: { name: true, tier: true } } },
    }),
    client.remediationItem.findMany({
      where: { status: { in: [...OPEN_REMEDIATION_STATUSES] }, dueDate: { lt: today } },
      orderBy: [{ dueDate: "asc" }, { id: "asc" }],
      skip: skipFor(pages.remediation),
      take: LIST_LIMIT,
      include: { vendor: { select: { id: true, name: true } }, assessment: { select: { version: true } } },
    }),
    client.remediationItem.count({ where: { status: { in: [...OPEN_REMEDIATION_STATUSES] }, dueDate: { lt: today } } }),
  ]);
  // A draft or review that a re-score superseded is no longer the one to act on.
  const latestVersions = await client.assessment.groupBy({
    by: ["vendorId"],
    where: { vendorId: { in: [...new Set(workflowRows.map((r) => r.vendorId))] } },
    _max: { version: true },
  });
  const latestOf = new Map(latestVersions.map((v) => [v.vendorId, v._max.version]));
  const current = workflowRows.filter((r) => latestOf.get(r.vendorId) === r.version);
  const owners = await namesOf(client, overdueRows.map((r) => r.ownerId));
  return {
    today,
    due: {
      rows: dueRows.map(({ assessments, ...v }) => ({
        ...v,
        draftId: assessments[0]?.id ?? null,
        tier: v.tier as Tier,
        dueDay: formatIsoDay(v.nextAssessmentDue!),
        overdue: daysUntil(v.nextAssessmentDue!, now) < 0,
      })),
      total: dueCount,
    },
    neverAssessed: { rows: neverRows.map((v) => ({ ...v, tier: v.tier as Tier })).sort((a, b) => TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier)), total: neverCount },
    inReview: current
      .filter((r) => r.state === "in_review")
      .map((r) => ({ ...r, pending: pendingSignOffRoles(r.signOffs.map((s) => ({ role: s.role as SignOffRole, decision: s.decision as SignOffDecision }))) })),
    drafts: current.filter((r) => r.state === "draft"),
    overdueRemediation: {
      rows: overdueRows.map((r) => ({ ...r, ownerName: r.ownerId ? (owners.get(r.ownerId)?.name ?? "Unknown user") : null })),
      total: overdueCount,
    },
  };
}
