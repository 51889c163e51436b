import { addDaysToDay, formatIsoDay } from "@/lib/domain/dates";
import { NOTICE_DEADLINE_DAYS, QUEUE_FINDING_CODES, QUEUE_PAGE_SIZE, SEVERITIES_BY_URGENCY, type QueueFindingSection } from "@/lib/domain/queues/work-queues";
import type { SignOffRole } from "@/lib/domain/assessments/assessment-workflow";
import type { Severity, Tier } from "@/lib/domain/vocabulary";
import type { NoticeDeadlineRow, QueueFindingRow, QueuePage, SignOffWaitingRow } from "@/lib/schemas/views/work-queues";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db, Prisma } from "../db";

// The sections of the per-role work queues that no existing page lists:
// assessments waiting for a reviewer's sign-off, open findings of a kind
// (from the stored findings, VendorFinding), and contract notice deadlines.
// Each section is one page: SQL selects, orders and counts it on indexes
// (Assessment.state, VendorFinding.code, Contract.noticeDeadline) and only
// the page's rows are loaded, so a request costs the same at 10 and at
// 10,000 vendors. Offboarded vendors are never listed: there is nothing left
// to do for them.

function pageOf(page: number | undefined): { page: number; skip: number } {
  const p = Number.isInteger(page) && page! >= 1 ? page! : 1;
  return { page: p, skip: (p - 1) * QUEUE_PAGE_SIZE };
}

const SIGN_OFF_PERMISSION = { legal: "assessment.signoff.legal", security: "assessment.signoff.security" } as const;

/**
 * Assessments in review that still wait for `role`'s sign-off, the longest
 * waiting first. Only a vendor's latest version counts: a re-score
 * supersedes an older review.
 */
export async function listSignOffsWaiting({ actor, role, page: requested }: { actor: Actor; role: Exclude<SignOffRole, "procurement">; page?: number }): Promise<QueuePage<SignOffWaitingRow>> {
  requirePermission(actor, SIGN_OFF_PERMISSION[role]);
  const { page, skip } = pageOf(requested);
  const client = db();
  const where = Prisma.sql`a."state" = 'in_review' AND v."status" <> 'offboarded'
    AND a."version" = (SELECT MAX(a2."version") FROM "Assessment" a2 WHERE a2."vendorId" = a."vendorId")
    AND NOT EXISTS (SELECT 1 FROM "AssessmentSignOff" s WHERE s."assessmentId" = a."id" AND s."role" = ${role})`;
  const [counted, ids] = await Promise.all([
    client.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM "Assessment" a JOIN "Vendor" v ON v."id" = a."vendorId" WHERE ${where}`,
    client.$queryRaw<{ id: string }[]>`SELECT a."id" AS id FROM "Assessment" a JOIN "Vendor" v ON v."id" = a."vendorId" WHERE ${where}
      ORDER BY a."submittedAt" ASC, a."id" ASC LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${skip}`,
  ]);
  const order = ids.map((r) => r.id);
  const found = order.length === 0 ? [] : await client.assessment.findMany({
    where: { id: { in: order } },
    select: { id: true, version: true, submittedAt: true, overall: true, rating: true, vendor: { select: { id: true, name: true, tier: true } } },
  });
  const byId = new Map(found.map((a) => [a.id, a]));
  const rows = order.flatMap((id) => {
    const a = byId.get(id);
    return a ? [{ ...a, vendor: { ...a.vendor, tier: a.vendor.tier as Tier } }] : [];
  });
  return { rows, total: Number(counted[0]?.total ?? 0), page, pageSize: QUEUE_PAGE_SIZE };
}

const FINDING_PERMISSION = { insurance: "vendor.update", assurance: "assurance.manage", kpi: "controls.manage", incidents: "controls.manage" } as const;

/** Most urgent first: severity, then the vendor's tier, then name. */
const SEVERITY_ORDER = Prisma.raw(`CASE f."severity" ${SEVERITIES_BY_URGENCY.map((s, i) => `WHEN '${s}' THEN ${i}`).join(" ")} ELSE ${SEVERITIES_BY_URGENCY.length} END`);

/** One section's open findings across the portfolio, from the stored findings (VendorFinding). */
export async function listQueueFindings({ actor, section, page: requested }: { actor: Actor; section: QueueFindingSection; page?: number }): Promise<QueuePage<QueueFindingRow>> {
  requirePermission(actor, FINDING_PERMISSION[section]);
  const { page, skip } = pageOf(requested);
  const client = db();
  const where = Prisma.sql`f."code" IN (${Prisma.join([...QUEUE_FINDING_CODES[section]])}) AND v."status" <> 'offboarded'`;
  const [counted, ids] = await Promise.all([
    client.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM "VendorFinding" f JOIN "Vendor" v ON v."id" = f."vendorId" WHERE ${where}`,
    client.$queryRaw<{ id: string }[]>`SELECT f."id" AS id FROM "VendorFinding" f JOIN "Vendor" v ON v."id" = f."vendorId" WHERE ${where}
      ORDER BY ${SEVERITY_ORDER} ASC, v."tierRank" ASC, v."searchName" ASC, f."position" ASC, f."id" ASC LIMIT ${QUEUE_PAGE_SIZE} OFFSET ${skip}`,
  ]);
  const order = ids.map((r) => r.id);
  const found = order.length === 0 ? [] : await client.vendorFinding.findMany({
    where: { id: { in: order } },
    select: { id: true, code: true, severity: true, message: true, subjectKind: true, subjectId: true, subjectLabel: true, vendor: { select: { id: true, name: true, tier: true } } },
  });
  const byId = new Map(found.map((f) => [f.id, f]));
  const rows = order.flatMap((id) => {
    const f = byId.get(id);
    return f ? [{ ...f, severity: f.severity as Severity, vendor: { ...f.vendor, tier: f.vendor.tier as Tier } }] : [];
  });
  return { rows, total: Number(counted[0]?.total ?? 0), page, pageSize: QUEUE_PAGE_SIZE };
}

/** Contracts whose last day to give notice falls between today and NOTICE_DEADLINE_DAYS ahead, soonest first (the noticeDeadline index). */
export async function listNoticeDeadlines({ actor, page: requested, now = new Date() }: { actor: Actor; page?: number; now?: Date }): Promise<QueuePage<NoticeDeadlineRow>> {
  requirePermission(actor, "legal.manage");
  const { page, skip } = pageOf(requested);
  const today = formatIsoDay(now);
  const where = { noticeDeadline: { gte: today, lte: addDaysToDay(today, NOTICE_DEADLINE_DAYS) }, vendor: { status: { not: "offboarded" } } };
  const client = db();
  const [total, found] = await Promise.all([
    client.contract.count({ where }),
    client.contract.findMany({
      where,
      orderBy: [{ noticeDeadline: "asc" }, { id: "asc" }],
      skip,
      take: QUEUE_PAGE_SIZE,
      select: { id: true, title: true, type: true, termEnd: true, noticeDeadline: true, vendor: { select: { id: true, name: true, tier: true } } },
    }),
  ]);
  const rows = found.map((c) => ({ ...c, noticeDeadline: c.noticeDeadline!, vendor: { ...c.vendor, tier: c.vendor.tier as Tier } }));
  return { rows, total, page, pageSize: QUEUE_PAGE_SIZE };
}
