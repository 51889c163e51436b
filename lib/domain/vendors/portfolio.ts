import { firstCurrentPeriodEnd } from "../assurance/soc2-status";
import { addDaysToDay, formatDayForPeople, formatIsoDay, type IsoDate } from "../dates";
import { RATING_BANDS, type RatingBand } from "../scoring/types";
import type { FindingDomain } from "../findings/finding-domains";

// The portfolio overview's vocabulary: the groups the dashboard counts and the
// vendor list filters by, so a count and the list it links to mean the same
// vendors. A vendor's rating and score are those of its latest assessment (the
// highest version: docs/assessments.md, "A frozen snapshot"); a vendor never
// assessed has neither.

/** A rating band, or "none" for a vendor without an assessment. */
export const PORTFOLIO_BANDS = [...RATING_BANDS, "none"] as const;
export type PortfolioBand = (typeof PORTFOLIO_BANDS)[number];

export const PORTFOLIO_BAND_LABELS: Record<PortfolioBand, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  critical: "Critical",
  none: "Not assessed",
};

export function isRatingBand(band: string): band is RatingBand {
  return (RATING_BANDS as readonly string[]).includes(band);
}

/** Open findings by severity, as the vendor summary counts them. */
export const FINDING_SEVERITIES = ["blocker", "high", "medium", "low"] as const;
export type FindingSeverityFilter = (typeof FINDING_SEVERITIES)[number];

export const FINDING_SEVERITY_LABELS: Record<FindingSeverityFilter, string> = {
  blocker: "Blocker",
  high: "High",
  medium: "Medium",
  low: "Low",
};

/** Score buckets of ten points by their lower bound; the last one, 90, holds 100 too. */
export const SCORE_BUCKET_WIDTH = 10;
export const SCORE_BUCKETS = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90] as const;
export type ScoreBucket = (typeof SCORE_BUCKETS)[number];

/** [from, to) of a bucket; the top bucket is closed at 100. */
export function scoreBucketRange(bucket: ScoreBucket): { from: number; to: number; inclusiveTo: boolean } {
  const top = bucket === SCORE_BUCKETS[SCORE_BUCKETS.length - 1];
  return { from: bucket, to: top ? 100 : bucket + SCORE_BUCKET_WIDTH, inclusiveTo: top };
}

/** "70–79.9", "90–100": the same one-decimal, rounded-down form scores print in. */
export function scoreBucketLabel(bucket: ScoreBucket): string {
  const { from, to, inclusiveTo } = scoreBucketRange(bucket);
  return inclusiveTo ? `${from}–${to}` : `${from}–${to - 0.1}`;
}

/** "2026-03" → the first instant of that month and of the next, UTC. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  return { from: new Date(Date.UTC(year, mon - 1, 1)), to: new Date(Date.UTC(year, mon, 1)) };
}

/** "2026-03" → "Mar 2026", in the form dates print everywhere else. */
export function monthLabel(month: string): string {
  return formatDayForPeople(`${month}-01`).replace(/^1 /, "");
}

/** The `count` months ending with the month of `now`, oldest first, as "YYYY-MM". */
export function monthsEnding(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    months.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`);
  }
  return months;
}

/** "Evidence lapsing within N days" windows on the dashboard. */
export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

export interface DayRange {
  /** First and last day, inclusive. */
  from: IsoDate;
  to: IsoDate;
}

/** Today and the next `days` days. */
export function daysAhead(now: Date, days: number): DayRange {
  const from = formatIsoDay(now);
  return { from, to: addDaysToDay(from, days) };
}

/** Every day of a "YYYY-MM" month. */
export function monthDays(month: string): DayRange {
  const { from, to } = monthRange(month);
  return { from: formatIsoDay(from), to: addDaysToDay(formatIsoDay(to), -1) };
}

/** The `count` months starting with the month of `now`, as "YYYY-MM". */
export function monthsStarting(now: Date, count: number): string[] {
  return monthsEnding(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + count - 1, 1)), count);
}

/**
 * The SOC 2 period ends whose report turns stale on a day in `range`: stale on
 * day D exactly when the period end is before firstCurrentPeriodEnd(D)
 * (docs/rules.md §2), so stale by the last day but not the day before the first.
 */
export function soc2PeriodEndsStalingIn(range: DayRange, staleMonths: number): { from: IsoDate; before: IsoDate } {
  return { from: firstCurrentPeriodEnd(addDaysToDay(range.from, -1), staleMonths), before: firstCurrentPeriodEnd(range.to, staleMonths) };
}

/** The vendor-list filters the dashboard links with (a subset of the list's query parameters). */
export interface PortfolioFilter {
  tier?: string;
  band?: PortfolioBand;
  finding?: FindingSeverityFilter;
  blocker?: "yes";
  soc2?: "stale";
  score?: ScoreBucket;
  reassessment?: "overdue";
  remediation?: "overdue";
  acceptance?: "lapsed";
  assessed?: string;
  expiring?: ExpiryWindow;
  lapses?: string;
  domain?: FindingDomain;
}

/** The vendor list showing exactly the vendors a dashboard number counts. */
export function vendorListHref(filter: PortfolioFilter): string {
  const params = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return `/vendors?${params.toString()}`;
}
