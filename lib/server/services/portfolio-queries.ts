import { addDaysToDay, addMonthsToDay, dayStartInstant, formatIsoDay } from "@/lib/domain/dates";
import { firstCurrentPeriodEnd } from "@/lib/domain/assurance/soc2-status";
import { CALENDAR_KINDS, irPlanTestDueBy, pentestStaleFrom, securityReviewDueBy, storedDayRange, type CalendarKind } from "@/lib/domain/calendar/obligations";
import { isElevatedTier, TIERS } from "@/lib/domain/vocabulary";
import type { Settings } from "@/lib/schemas/settings";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db, Prisma, type Tx } from "../db";
import { loadSettings } from "./settings";

// Questions about the whole portfolio, answered by the database over the
// typed dossier tables (prisma/schema.prisma, "the dossier"): each kind of
// date is one range query on an indexed column, so the cost follows the
// number of answers, not the number of vendors.

// The kinds are the calendar's (lib/domain/calendar/obligations.ts); the names
// stay exported from here for the callers that read dates by kind.
export const PORTFOLIO_DATE_KINDS = CALENDAR_KINDS;
export type PortfolioDateKind = CalendarKind;

export interface PortfolioDate {
  kind: PortfolioDateKind;
  /** "YYYY-MM-DD": the day the evidence lapses or the deadline falls. */
  date: string;
  vendorId: string;
  vendorName: string;
  /** The dossier record the date comes from (the vendor itself for a reassessment). */
  recordId: string;
  /** The vendor's effective tier. */
  vendorTier: string;
  /** The vendor's owner (a user id), if any. */
  ownerId: string | null;
}

export interface DateRange {
  /** First and last day, inclusive, "YYYY-MM-DD". */
  from: string;
  to: string;
}

/** Which vendors' dates to list: the calendar's owner and tier filters. */
export interface PortfolioDateFilter {
  ownerId?: string;
  tiers?: readonly string[];
}

interface DatedRow {
  kind: PortfolioDateKind;
  day: string;
  vendorId: string;
  vendorName: string;
  vendorTier: string;
  ownerId: string | null;
  recordId: string;
}

interface Bounds {
  lower: string;
  upper: string;
  upperExclusive?: boolean;
}

/** Only the vendor's latest record of a table counts for this rule (the rule reads the latest test, review or acceptance). */
function latestOnly(table: string, column: string) {
  const c = Prisma.raw(`"${column}"`);
  return Prisma.sql`AND NOT EXISTS (SELECT 1 FROM ${Prisma.raw(`"${table}"`)} n WHERE n."vendorId" = r."vendorId" AND (n.${c} > r.${c} OR (n.${c} = r.${c} AND n."id" < r."id")))`;
}

/** The owner and tier filters, as a condition on the record's vendor (the Vendor table answers it by primary key). */
function vendorFilter(filter: PortfolioDateFilter) {
  const parts: Prisma.Sql[] = [];
  if (filter.ownerId) parts.push(Prisma.sql`f."ownerId" = ${filter.ownerId}`);
  if (filter.tiers && filter.tiers.length > 0) parts.push(Prisma.sql`f."tier" IN (${Prisma.join(filter.tiers)})`);
  return parts.length ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Vendor" f WHERE f."id" = r."vendorId" AND ${Prisma.join(parts, " AND ")})` : Prisma.empty;
}

/**
 * One branch of the union: the records of one table whose `column` lies in
 * the bounds, at most `take` in column order, then their vendors: the join
 * reads only the rows kept, never the whole Vendor table.
 */
function branch(kind: PortfolioDateKind, table: string, column: string, bounds: Bounds, take: number, extra: Prisma.Sql, vendors: Prisma.Sql) {
  const c = Prisma.raw(`"${column}"`);
  const upper = bounds.upperExclusive ? Prisma.sql`r.${c} < ${bounds.upper}` : Prisma.sql`r.${c} <= ${bounds.upper}`;
  return Prisma.sql`SELECT ${kind} AS "kind", k."day" AS "day", k."vendorId" AS "vendorId", v."name" AS "vendorName", v."tier" AS "vendorTier", v."ownerId" AS "ownerId", k."id" AS "recordId"
    FROM (SELECT r.${c} AS "day", r."vendorId" AS "vendorId", r."id" AS "id"
      FROM ${Prisma.raw(`"${table}"`)} r
      WHERE r.${c} >= ${bounds.lower} AND ${upper} ${extra} ${vendors}
      ORDER BY r.${c}, r."id" LIMIT ${take}) AS k
    JOIN "Vendor" v ON v."id" = k."vendorId"`;
}

/** The calendar date of a row: the stored day, or the rule's output for the kinds dated by a setting. */
function dateOf(row: DatedRow, settings: Settings): string {
  switch (row.kind) {
    case "soc2_stale":
      return addDaysToDay(addMonthsToDay(row.day, settings.assurance.soc2StaleMonths), 1);
    case "pentest_stale":
      return pentestStaleFrom(row.day, settings);
    case "ir_plan_test_due":
      return irPlanTestDueBy(row.day, settings);
    case "security_review_due":
      return securityReviewDueBy(row.day, settings);
    default:
      return row.day;
  }
}

function byDate(a: PortfolioDate, b: PortfolioDate): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind.localeCompare(b.kind) || a.recordId.localeCompare(b.recordId);
}

/**
 * Every dated obligation in the range across the portfolio, soonest first
 * (README.md, "Renewal calendar"): ISO certificate and insurance expiries, the
 * day each SOC 2 report goes stale (docs/rules.md §2), contract notice
 * deadlines and term ends (signed contracts), the day the latest pen test
 * becomes too old and the latest incident response test falls due (§2), the
 * next quarterly security review of a Critical/High vendor (§6), reassessments
 * due (docs/assessments.md, "Next assessment due"), open remediation items and
 * the expiry of each vendor's latest risk acceptance. One range scan on an
 * indexed date column per kind, at most `take` rows of each kind; a rule that
 * shifts a stored day by a setting scans the stored days that map into the range.
 */
export async function portfolioDates(
  client: Tx,
  range: DateRange,
  settings: Settings,
  { kinds = PORTFOLIO_DATE_KINDS, take = 500, ownerId, tiers }: { kinds?: readonly PortfolioDateKind[]; take?: number } & PortfolioDateFilter = {},
): Promise<PortfolioDate[]> {
  const { from, to } = range;
  const vendors = vendorFilter({ ownerId, tiers });
  const none = Prisma.empty;
  const signed = Prisma.sql`AND r."status" = 'signed'`;
  const plain: Bounds = { lower: from, upper: to };
  const shifted = (months: number, firstDayAfter: boolean): Bounds => {
    const { lower, upperExclusive } = storedDayRange(range, months, firstDayAfter);
    return { lower, upper: upperExclusive, upperExclusive: true };
  };
  const elevated = Prisma.sql`AND EXISTS (SELECT 1 FROM "Vendor" e WHERE e."id" = r."vendorId" AND e."tier" IN (${Prisma.join(TIERS.filter(isElevatedTier))}))`;
  const branches: Record<Exclude<PortfolioDateKind, "reassessment_due">, () => Prisma.Sql> = {
    iso_expiry: () => branch("iso_expiry", "IsoCertificate", "expiryDate", plain, take, none, vendors),
    insurance_expiry: () => branch("insurance_expiry", "InsurancePolicy", "expiryDate", plain, take, none, vendors),
    soc2_stale: () => branch("soc2_stale", "Soc2Report", "periodEnd", shifted(settings.assurance.soc2StaleMonths, true), take, none, vendors),
    contract_notice: () => branch("contract_notice", "Contract", "noticeDeadline", plain, take, signed, vendors),
    contract_term_end: () => branch("contract_term_end", "Contract", "termEnd", plain, take, signed, vendors),
    pentest_stale: () => branch("pentest_stale", "Pentest", "performedOn", shifted(settings.assurance.pentestMaxAgeMonths, true), take, latestOnly("Pentest", "performedOn"), vendors),
    ir_plan_test_due: () =>
      branch("ir_plan_test_due", "IncidentResponsePlan", "lastTestedOn", shifted(settings.assurance.incidentResponseTestMaxAgeMonths, false), take, latestOnly("IncidentResponsePlan", "lastTestedOn"), vendors),
    security_review_due: () =>
      branch("security_review_due", "SecurityReview", "heldOn", shifted(settings.reviews.cadenceElevatedMonths, false), take, Prisma.sql`${elevated} ${latestOnly("SecurityReview", "heldOn")}`, vendors),
    remediation_due: () => branch("remediation_due", "RemediationItem", "dueDate", plain, take, Prisma.sql`AND r."status" IN ('open', 'in_progress')`, vendors),
    risk_acceptance_expiry: () => branch("risk_acceptance_expiry", "RiskAcceptance", "expiresOn", plain, take, latestOnly("RiskAcceptance", "createdAt"), vendors),
  };
  const wanted = PORTFOLIO_DATE_KINDS.filter((k) => kinds.includes(k));
  const unioned = wanted.filter((k): k is Exclude<PortfolioDateKind, "reassessment_due"> => k !== "reassessment_due");
  const [rows, reassessments] = await Promise.all([
    unioned.length ? client.$queryRaw<DatedRow[]>(Prisma.join(unioned.map((k) => branches[k]()), " UNION ALL ")) : Promise.resolve([]),
    wanted.includes("reassessment_due") ? reassessmentsDue(client, range, take, { ownerId, tiers }) : Promise.resolve([]),
  ]);
  return [
    ...rows.map((row) => ({ kind: row.kind, date: dateOf(row, settings), vendorId: row.vendorId, vendorName: row.vendorName, recordId: row.recordId, vendorTier: row.vendorTier, ownerId: row.ownerId })),
    ...reassessments,
  ].sort(byDate);
}

/** Reassessments due: the vendor's next assessment due day (an instant at UTC midnight, indexed), offboarded vendors aside. */
async function reassessmentsDue(client: Tx, range: DateRange, take: number, filter: PortfolioDateFilter): Promise<PortfolioDate[]> {
  const rows = await client.vendor.findMany({
    where: {
      nextAssessmentDue: { gte: dayStartInstant(range.from), lt: dayStartInstant(addDaysToDay(range.to, 1)) },
      status: { not: "offboarded" },
      ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
      ...(filter.tiers && filter.tiers.length > 0 ? { tier: { in: [...filter.tiers] } } : {}),
    },
    orderBy: [{ nextAssessmentDue: "asc" }, { id: "asc" }],
    take,
    select: { id: true, name: true, tier: true, ownerId: true, nextAssessmentDue: true },
  });
  return rows.map((v) => ({ kind: "reassessment_due" as const, date: formatIsoDay(v.nextAssessmentDue!), vendorId: v.id, vendorName: v.name, recordId: v.id, vendorTier: v.tier, ownerId: v.ownerId }));
}

/**
 * One page of the dated obligations in a range, soonest first, and whether
 * more follow. Each kind reads at most offset + pageSize + 1 rows in date
 * order, which always holds the merged page: the cost follows the page's
 * depth, never the size of the portfolio.
 */
export async function portfolioDatesPage(
  client: Tx,
  range: DateRange,
  settings: Settings,
  { page, pageSize, ...options }: { page: number; pageSize: number; kinds?: readonly PortfolioDateKind[] } & PortfolioDateFilter,
): Promise<{ items: PortfolioDate[]; hasMore: boolean }> {
  const offset = (page - 1) * pageSize;
  const all = await portfolioDates(client, range, settings, { ...options, take: offset + pageSize + 1 });
  return { items: all.slice(offset, offset + pageSize), hasMore: all.length > offset + pageSize };
}

/**
 * The vendors whose SOC 2 assurance is stale on `day`: the report currency is
 * judged on (the newest Type II, else the newest of any type, ignoring reports
 * whose period had not ended by then; docs/rules.md §2) ended before
 * firstCurrentPeriodEnd(day). One grouped query over the SOC 2 table.
 */
export async function vendorsWithStaleSoc2(client: Tx, day: string, settings: Settings): Promise<string[]> {
  const cutoff = firstCurrentPeriodEnd(day, settings.assurance.soc2StaleMonths);
  const rows = await client.$queryRaw<{ vendorId: string }[]>(Prisma.sql`
    SELECT "vendorId" FROM "Soc2Report"
    WHERE "periodEnd" <= ${day}
    GROUP BY "vendorId"
    HAVING COALESCE(MAX(CASE WHEN "type" = 'type2' THEN "periodEnd" END), MAX("periodEnd")) < ${cutoff}
    ORDER BY "vendorId"`);
  return rows.map((r) => r.vendorId);
}

/** What the portfolio calendar and dashboard read: dated obligations in a range, for any signed-in role. */
export async function listPortfolioDates({ actor, range, kinds }: { actor: Actor; range: DateRange; kinds?: readonly PortfolioDateKind[] }): Promise<PortfolioDate[]> {
  requirePermission(actor, "vendor.read");
  const client = db();
  return portfolioDates(client, range, await loadSettings(client), { kinds });
}
