import { formatIsoDay } from "@/lib/domain/dates";
import {
  EXPIRY_WINDOWS,
  FINDING_SEVERITIES,
  daysAhead,
  monthDays,
  monthsStarting,
  PORTFOLIO_BANDS,
  SCORE_BUCKETS,
  isRatingBand,
  monthRange,
  monthsEnding,
  type ExpiryWindow,
  type FindingSeverityFilter,
  type PortfolioBand,
  type ScoreBucket,
} from "@/lib/domain/vendors/portfolio";
import { OPEN_REMEDIATION_STATUSES } from "@/lib/domain/assessments/remediation";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import { FINDING_DOMAINS, type FindingDomain } from "@/lib/domain/findings/finding-domains";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { databaseProvider, databaseUrl, db, Prisma } from "../db";
import { keptPerVersion } from "./kept-per-version";
import { loadSettings } from "./settings";
import { LATEST_ASSESSMENT_JOIN, acceptanceLapsedSql, evidenceLapsingCountsSql, reassessmentOverdueSql, remediationOverdueSql } from "./vendor-list-sql";

// The portfolio dashboard: every number is a SQL aggregate over the vendor
// summary columns and the assessment, remediation and risk-acceptance tables,
// in a fixed number of queries, each read once per portfolio version and kept
// for the requests that follow (kept-per-version.ts). Each group matches a vendor-list filter (lib/domain/vendors/portfolio.ts)
// and the page links every number to exactly those vendors.

/** How many months the expiry chart looks ahead, this month included. */
export const EXPIRY_MONTHS = 12;

/** How many months the average-score trend covers, this month included. */
export const SCORE_TREND_MONTHS = 12;

export interface PortfolioDashboard {
  vendors: number;
  /** Vendors per tier and rating band of their latest assessment, every pair present. */
  tierBand: { tier: Tier; band: PortfolioBand; vendors: number }[];
  byTier: Record<Tier, number>;
  byBand: Record<PortfolioBand, number>;
  /** Open findings of each severity, and the vendors that have at least one. */
  findings: { severity: FindingSeverityFilter; findings: number; vendors: number }[];
  soc2Stale: number;
  reassessmentOverdue: number;
  remediationOverdue: { items: number; vendors: number };
  acceptanceLapsed: number;
  /** Vendors by the ten-point bucket of their latest score; every bucket present. */
  scoreDistribution: { bucket: ScoreBucket; vendors: number }[];
  /** Mean score of the assessments created each month, oldest first; null for a month without one. */
  scoreTrend: { month: string; average: number | null; assessments: number; vendors: number }[];
  /** Vendors with evidence lapsing between today and N days ahead. */
  expiring: { days: ExpiryWindow; vendors: number }[];
  /** Vendors with evidence lapsing in each of the next months, this one first. */
  expiriesByMonth: { month: string; vendors: number }[];
  /** Open findings per domain (docs/scoring.md) and the vendors that have one there; every domain present. */
  findingsByDomain: { domain: FindingDomain; findings: number; vendors: number }[];
}

const count = (value: unknown) => Number(value ?? 0);

/**
 * CASE over the latest score, highest bucket first: the top bucket takes 100
 * too. The bounds are constants written inline, so PostgreSQL types the result
 * as an integer rather than guessing a parameter's type.
 */
const SCORE_BUCKET_SQL = Prisma.raw(`CASE ${[...SCORE_BUCKETS].reverse().map((b) => `WHEN latest."overall" >= ${b} THEN ${b}`).join(" ")} END`);

function monthOf(column: Prisma.Sql): Prisma.Sql {
  // SQLite keeps instants as ISO 8601 text; PostgreSQL as timestamps (UTC).
  return databaseProvider(databaseUrl()) === "postgresql" ? Prisma.sql`to_char(${column}, 'YYYY-MM')` : Prisma.sql`substr(${column}, 1, 7)`;
}

export async function getPortfolioDashboard({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<PortfolioDashboard> {
  requirePermission(actor, "vendor.read");
  // The figures move by the day at most (every window below is whole days), which the version includes.
  return keptPerVersion("dashboard", now, "", () => computeDashboard(now));
}

async function computeDashboard(now: Date): Promise<PortfolioDashboard> {
  const client = db();
  const today = formatIsoDay(now);
  const months = monthsEnding(now, SCORE_TREND_MONTHS);
  const trendFrom = monthRange(months[0]!).from;
  const staleMonths = (await loadSettings(client)).assurance.soc2StaleMonths;
  const expiryMonths = monthsStarting(now, EXPIRY_MONTHS);
  // One row of counts: a column per window, then per month.
  const lapsing = [...EXPIRY_WINDOWS.map((days) => daysAhead(now, days)), ...expiryMonths.map(monthDays)];
  const [groups, headline, remediationItems, trend, expiries, domains] = await Promise.all([
    client.$queryRaw<{ tier: string; band: string | null; bucket: number | null; n: unknown }[]>`
      SELECT v."tier" AS tier, latest."rating" AS band, ${SCORE_BUCKET_SQL} AS bucket, COUNT(*) AS n
      FROM "Vendor" v ${LATEST_ASSESSMENT_JOIN}
      GROUP BY 1, 2, 3`,
    client.$queryRaw<Record<string, unknown>[]>`
      SELECT
        COUNT(*) AS vendors,
        SUM(v."blockerCount") AS "blockerFindings", SUM(CASE WHEN v."blockerCount" > 0 THEN 1 ELSE 0 END) AS "blockerVendors",
        SUM(v."highCount") AS "highFindings", SUM(CASE WHEN v."highCount" > 0 THEN 1 ELSE 0 END) AS "highVendors",
        SUM(v."mediumCount") AS "mediumFindings", SUM(CASE WHEN v."mediumCount" > 0 THEN 1 ELSE 0 END) AS "mediumVendors",
        SUM(v."lowCount") AS "lowFindings", SUM(CASE WHEN v."lowCount" > 0 THEN 1 ELSE 0 END) AS "lowVendors",
        SUM(CASE WHEN v."soc2StaleFrom" <= ${today} THEN 1 ELSE 0 END) AS "soc2Stale",
        SUM(CASE WHEN ${reassessmentOverdueSql(now)} THEN 1 ELSE 0 END) AS "reassessmentOverdue",
        SUM(CASE WHEN ${remediationOverdueSql(now)} THEN 1 ELSE 0 END) AS "remediationVendors",
        SUM(CASE WHEN ${acceptanceLapsedSql(now)} THEN 1 ELSE 0 END) AS "acceptanceLapsed"
      FROM "Vendor" v`,
    client.remediationItem.count({ where: { status: { in: [...OPEN_REMEDIATION_STATUSES] }, dueDate: { lt: today } } }),
    client.$queryRaw<{ month: string; average: number | null; assessments: unknown; vendors: unknown }[]>`
      SELECT ${monthOf(Prisma.sql`a."createdAt"`)} AS month, AVG(a."overall") AS average, COUNT(*) AS assessments, COUNT(DISTINCT a."vendorId") AS vendors
      FROM "Assessment" a WHERE a."createdAt" >= ${trendFrom}
      GROUP BY 1`,
    client.$queryRaw<Record<string, unknown>[]>(evidenceLapsingCountsSql(lapsing, staleMonths)),
    // The stored open findings (VendorFinding), as the list's domain filter reads them.
    client.$queryRaw<{ domain: string; findings: unknown; vendors: unknown }[]>`
      SELECT f."domain" AS domain, COUNT(*) AS findings, COUNT(DISTINCT f."vendorId") AS vendors
      FROM "VendorFinding" f
      GROUP BY f."domain"`,
  ]);
  const domainOf = new Map(domains.map((row) => [row.domain, row]));
  const lapsingCount = (i: number) => count(expiries[0]?.[`c${i}`]);

  const tierBand = TIERS.flatMap((tier) => PORTFOLIO_BANDS.map((band) => ({ tier, band, vendors: 0 })));
  const scoreDistribution = SCORE_BUCKETS.map((bucket) => ({ bucket, vendors: 0 }));
  for (const g of groups) {
    const band: PortfolioBand = g.band && isRatingBand(g.band) ? g.band : "none";
    const cell = tierBand.find((c) => c.tier === g.tier && c.band === band);
    if (cell) cell.vendors += count(g.n);
    const bucket = scoreDistribution.find((b) => g.bucket !== null && b.bucket === Number(g.bucket));
    if (bucket) bucket.vendors += count(g.n);
  }
  const sum = (pick: (c: (typeof tierBand)[number]) => boolean) => tierBand.filter(pick).reduce((n, c) => n + c.vendors, 0);
  const h = headline[0] ?? {};
  const trendOf = new Map(trend.map((t) => [t.month, t]));
  return {
    vendors: count(h.vendors),
    tierBand,
    byTier: Object.fromEntries(TIERS.map((t) => [t, sum((c) => c.tier === t)])) as Record<Tier, number>,
    byBand: Object.fromEntries(PORTFOLIO_BANDS.map((b) => [b, sum((c) => c.band === b)])) as Record<PortfolioBand, number>,
    findings: FINDING_SEVERITIES.map((severity) => ({ severity, findings: count(h[`${severity}Findings`]), vendors: count(h[`${severity}Vendors`]) })),
    soc2Stale: count(h.soc2Stale),
    reassessmentOverdue: count(h.reassessmentOverdue),
    remediationOverdue: { items: remediationItems, vendors: count(h.remediationVendors) },
    acceptanceLapsed: count(h.acceptanceLapsed),
    scoreDistribution,
    expiring: EXPIRY_WINDOWS.map((days, i) => ({ days, vendors: lapsingCount(i) })),
    expiriesByMonth: expiryMonths.map((month, i) => ({ month, vendors: lapsingCount(EXPIRY_WINDOWS.length + i) })),
    findingsByDomain: FINDING_DOMAINS.map((domain) => ({ domain, findings: count(domainOf.get(domain)?.findings), vendors: count(domainOf.get(domain)?.vendors) })),
    scoreTrend: months.map((month) => {
      const t = trendOf.get(month);
      return { month, average: t && t.average !== null ? Number(t.average) : null, assessments: count(t?.assessments), vendors: count(t?.vendors) };
    }),
  };
}
