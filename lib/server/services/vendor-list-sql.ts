import { daysAhead, monthDays, monthRange, scoreBucketRange, soc2PeriodEndsStalingIn, type DayRange } from "@/lib/domain/vendors/portfolio";
import { formatIsoDay } from "@/lib/domain/dates";
import { dueDayInstant } from "@/lib/domain/assessments/next-due";
import { OPEN_REMEDIATION_STATUSES } from "@/lib/domain/assessments/remediation";
import type { VendorListQuery } from "@/lib/schemas/vendor";
import type { FindingDomain } from "@/lib/domain/findings/finding-domains";
import { Prisma } from "../db";

// The vendor list's filters and order as SQL over the vendor alias `v`. Some
// filters read the vendor's latest assessment or risk acceptance, which a
// Prisma `where` cannot express ("the row with the highest version"), so the
// list selects its page of ids here and loads only those rows
// (lib/server/services/vendors.ts), like the legal queue. Every correlated
// subquery walks an index on vendorId, so a request costs the same at 10 and
// at 10,000 vendors.

/** The version of the vendor's latest assessment (the unique (vendorId, version) index). */
const LATEST_VERSION = Prisma.sql`(SELECT MAX(a2."version") FROM "Assessment" a2 WHERE a2."vendorId" = v."id")`;

/** `JOIN` condition for the vendor's latest assessment as `latest`. */
export const LATEST_ASSESSMENT_JOIN = Prisma.sql`LEFT JOIN "Assessment" latest ON latest."vendorId" = v."id" AND latest."version" = ${LATEST_VERSION}`;

const LATEST_RATING = Prisma.sql`(SELECT a."rating" FROM "Assessment" a WHERE a."vendorId" = v."id" AND a."version" = ${LATEST_VERSION})`;
const LATEST_SCORE = Prisma.sql`(SELECT a."overall" FROM "Assessment" a WHERE a."vendorId" = v."id" AND a."version" = ${LATEST_VERSION})`;
/** The last day of the most recently recorded risk acceptance: the one that counts (lib/domain/risk-acceptance.ts). */
const LATEST_ACCEPTANCE_EXPIRY = Prisma.sql`(SELECT ra."expiresOn" FROM "RiskAcceptance" ra WHERE ra."vendorId" = v."id" ORDER BY ra."createdAt" DESC, ra."id" DESC LIMIT 1)`;

const SEVERITY_COLUMN = {
  blocker: Prisma.sql`v."blockerCount"`,
  high: Prisma.sql`v."highCount"`,
  medium: Prisma.sql`v."mediumCount"`,
  low: Prisma.sql`v."lowCount"`,
} as const;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function contains(column: Prisma.Sql, text: string): Prisma.Sql {
  return Prisma.sql`${column} LIKE ${`%${escapeLike(text)}%`} ESCAPE '\\'`;
}

/** Offboarded vendors are never due a reassessment (as on procurement's page). */
export function reassessmentOverdueSql(now: Date): Prisma.Sql {
  return Prisma.sql`v."status" <> 'offboarded' AND v."nextAssessmentDue" < ${dueDayInstant(formatIsoDay(now))}`;
}

/**
 * Uncorrelated on purpose: the overdue items are found once through the
 * (status, dueDate) index. As a correlated EXISTS, SQLite walked that index
 * for every vendor (3.5 s at 10,000 vendors instead of milliseconds).
 */
export function remediationOverdueSql(now: Date): Prisma.Sql {
  return Prisma.sql`v."id" IN (SELECT r."vendorId" FROM "RemediationItem" r WHERE r."status" IN (${Prisma.join([...OPEN_REMEDIATION_STATUSES])}) AND r."dueDate" < ${formatIsoDay(now)})`;
}

export function acceptanceLapsedSql(now: Date): Prisma.Sql {
  return Prisma.sql`${LATEST_ACCEPTANCE_EXPIRY} < ${formatIsoDay(now)}`;
}

/**
 * Evidence that lapses on a day in `range`, by the dates the portfolio
 * calendar reads (portfolio-queries.ts): an ISO certificate's or insurance
 * policy's expiry date, or the first day a SOC 2 report counts as stale. Each
 * an uncorrelated subquery on the table's date index, run once per statement.
 */
export function evidenceLapsingSql(range: DayRange, soc2StaleMonths: number): Prisma.Sql {
  const periodEnds = soc2PeriodEndsStalingIn(range, soc2StaleMonths);
  return Prisma.sql`(v."id" IN (SELECT i."vendorId" FROM "IsoCertificate" i WHERE i."expiryDate" >= ${range.from} AND i."expiryDate" <= ${range.to})
    OR v."id" IN (SELECT p."vendorId" FROM "InsurancePolicy" p WHERE p."expiryDate" >= ${range.from} AND p."expiryDate" <= ${range.to})
    OR v."id" IN (SELECT s."vendorId" FROM "Soc2Report" s WHERE s."periodEnd" >= ${periodEnds.from} AND s."periodEnd" < ${periodEnds.before}))`;
}

/**
 * How many vendors have evidence lapsing in each of `ranges`, as one row
 * (c0, c1, …): the same dates as evidenceLapsingSql, read once from the three
 * date indexes over the span of all ranges, so the cost follows the number of
 * lapses in that span rather than the number of vendors times ranges.
 */
export function evidenceLapsingCountsSql(ranges: DayRange[], soc2StaleMonths: number): Prisma.Sql {
  const from = ranges.map((r) => r.from).reduce((a, b) => (a < b ? a : b));
  const to = ranges.map((r) => r.to).reduce((a, b) => (a > b ? a : b));
  const soc2 = soc2PeriodEndsStalingIn({ from, to }, soc2StaleMonths);
  const counts = ranges.map((range, i) => {
    const ends = soc2PeriodEndsStalingIn(range, soc2StaleMonths);
    const lapses = Prisma.sql`(x.k = 'expiry' AND x.d >= ${range.from} AND x.d <= ${range.to}) OR (x.k = 'soc2' AND x.d >= ${ends.from} AND x.d < ${ends.before})`;
    return Prisma.sql`COUNT(DISTINCT CASE WHEN ${lapses} THEN x.vid END) AS ${Prisma.raw(`c${i}`)}`;
  });
  return Prisma.sql`SELECT ${Prisma.join(counts, ", ")} FROM (
    SELECT i."vendorId" AS vid, 'expiry' AS k, i."expiryDate" AS d FROM "IsoCertificate" i WHERE i."expiryDate" >= ${from} AND i."expiryDate" <= ${to}
    UNION ALL SELECT p."vendorId", 'expiry', p."expiryDate" FROM "InsurancePolicy" p WHERE p."expiryDate" >= ${from} AND p."expiryDate" <= ${to}
    UNION ALL SELECT s."vendorId", 'soc2', s."periodEnd" FROM "Soc2Report" s WHERE s."periodEnd" >= ${soc2.from} AND s."periodEnd" < ${soc2.before}
  ) x`;
}

/** An open finding of the vendor counts in `domain`: the stored findings' (vendorId) index per vendor. */
export function openFindingInDomainSql(domain: FindingDomain): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "VendorFinding" f WHERE f."vendorId" = v."id" AND f."domain" = ${domain})`;
}

/** Whether the query filters by lapsing evidence, which needs the SOC 2 staleness setting. */
export function needsSoc2StaleMonths(query: VendorListQuery): boolean {
  return query.expiring !== undefined || query.lapses !== undefined;
}

export function vendorListSqlWhere(query: VendorListQuery, now: Date, soc2StaleMonths = 0): Prisma.Sql {
  const today = formatIsoDay(now);
  const c: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (query.q) c.push(contains(Prisma.sql`v."searchName"`, query.q.toLowerCase()));
  if (query.tier) c.push(Prisma.sql`v."tier" = ${query.tier}`);
  if (query.status) c.push(Prisma.sql`v."status" = ${query.status}`);
  if (query.country) c.push(Prisma.sql`v."country" = ${query.country}`);
  // The (vendorId, industry) primary key answers this per vendor.
  if (query.industry) c.push(Prisma.sql`EXISTS (SELECT 1 FROM "VendorIndustry" vi WHERE vi."vendorId" = v."id" AND vi."industry" = ${query.industry})`);
  if (query.blocker === "yes") c.push(Prisma.sql`v."blockerCount" > 0`);
  if (query.blocker === "no") c.push(Prisma.sql`v."blockerCount" = 0`);
  // SOC 2 staleness is a date, so the filter stays right as days pass (refresh-summaries.ts).
  if (query.soc2 === "stale") c.push(Prisma.sql`v."soc2StaleFrom" <= ${today}`);
  if (query.soc2 === "missing") c.push(Prisma.sql`v."soc2State" = 'missing'`);
  if (query.soc2 === "due" || query.soc2 === "current") c.push(Prisma.sql`v."soc2State" = ${query.soc2} AND v."soc2StaleFrom" > ${today}`);
  if (query.finding) c.push(Prisma.sql`${SEVERITY_COLUMN[query.finding]} > 0`);
  if (query.band === "none") c.push(Prisma.sql`NOT EXISTS (SELECT 1 FROM "Assessment" a WHERE a."vendorId" = v."id")`);
  else if (query.band) c.push(Prisma.sql`${LATEST_RATING} = ${query.band}`);
  if (query.score !== undefined) {
    const { from, to, inclusiveTo } = scoreBucketRange(query.score);
    c.push(inclusiveTo ? Prisma.sql`${LATEST_SCORE} >= ${from} AND ${LATEST_SCORE} <= ${to}` : Prisma.sql`${LATEST_SCORE} >= ${from} AND ${LATEST_SCORE} < ${to}`);
  }
  if (query.reassessment === "overdue") c.push(reassessmentOverdueSql(now));
  if (query.remediation === "overdue") c.push(remediationOverdueSql(now));
  if (query.acceptance === "lapsed") c.push(acceptanceLapsedSql(now));
  if (query.assessed) {
    const { from, to } = monthRange(query.assessed);
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM "Assessment" a WHERE a."vendorId" = v."id" AND a."createdAt" >= ${from} AND a."createdAt" < ${to})`);
  }
  if (query.expiring !== undefined) c.push(evidenceLapsingSql(daysAhead(now, query.expiring), soc2StaleMonths));
  if (query.lapses) c.push(evidenceLapsingSql(monthDays(query.lapses), soc2StaleMonths));
  if (query.domain) c.push(openFindingInDomainSql(query.domain));
  return Prisma.join(c, " AND ");
}

/** The list's sort, ending in (searchName, id) so pages never overlap. */
export function vendorListSqlOrder(query: VendorListQuery): Prisma.Sql {
  const dir = query.dir === "desc" ? Prisma.sql`DESC` : Prisma.sql`ASC`;
  const tiebreak = Prisma.sql`v."searchName" ASC, v."id" ASC`;
  switch (query.sort) {
    case "name":
      return Prisma.sql`v."searchName" ${dir}, v."id" ASC`;
    case "updated":
      return Prisma.sql`v."updatedAt" ${dir}, v."id" ASC`;
    case "findings":
      return Prisma.sql`v."blockerCount" ${dir}, v."highCount" ${dir}, v."mediumCount" ${dir}, ${tiebreak}`;
    case "tier":
      return Prisma.sql`v."tierRank" ${dir}, ${tiebreak}`;
    case "country":
      return Prisma.sql`v."country" ${dir}, ${tiebreak}`;
  }
}
