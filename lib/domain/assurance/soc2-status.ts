import { isFutureDatedSoc2 } from "./future-dated";
import type { Dossier, Soc2Report } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import { addDaysToDay, addMonthsToDay, dayStartInstant, hasReachedMonthsAfter, isMoreThanMonthsAfter, monthsSince } from "../dates";

// SOC 2 currency (docs/rules.md §2 "a report more than 14 months old
// indicates a lapse"). Shared by the findings engine and the vendors list
// filter ("SOC 2 stale"), so both always agree.

export const SOC2_STATES = ["missing", "current", "due", "stale"] as const;
export type Soc2State = (typeof SOC2_STATES)[number];

export interface Soc2Status {
  state: Soc2State;
  /** The report currency is judged on (see selectCurrencyReport). */
  report?: Soc2Report;
  /** Whole months since the report's period end; null when there is no report. */
  monthsSincePeriodEnd: number | null;
  /** Only a current (not stale) Type II satisfies Critical/High tiers. */
  satisfiesElevatedRequirement: boolean;
}

/**
 * The report whose age decides currency: the latest Type II by period end
 * (issue date breaks ties), else the latest report of any type. A newer Type I
 * must not hide that the Type II has lapsed.
 */
export function selectCurrencyReport(reports: readonly Soc2Report[]): Soc2Report | undefined {
  return latest(reports, true) ?? latest(reports, false);
}

/**
 * The newest report (of Type II only, if asked): what a stable sort by
 * later() would put first, without copying and sorting. A strictly newer
 * report replaces the best so far, so of equals the first listed wins.
 */
function latest(reports: readonly Soc2Report[], type2Only: boolean): Soc2Report | undefined {
  let best: Soc2Report | undefined;
  for (const r of reports) {
    if (type2Only && r.type !== "type2") continue;
    if (best === undefined || (later(r.periodEnd, best.periodEnd) || later(r.issueDate, best.issueDate)) < 0) best = r;
  }
  return best;
}

/** Sorts "YYYY-MM-DD" strings newest first. */
function later(a: string, b: string): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

export function soc2Status(dossier: Pick<Dossier, "soc2Reports">, settings: Settings, now: Date): Soc2Status {
  // A report dated in the future is invalid input, never current (lib/domain/assurance/future-dated.ts).
  const report = selectCurrencyReport(dossier.soc2Reports.filter((r) => !isFutureDatedSoc2(r, now)));
  if (!report) return { state: "missing", monthsSincePeriodEnd: null, satisfiesElevatedRequirement: false };
  const state = soc2CurrencyState(report, settings, now);
  return {
    state,
    report,
    monthsSincePeriodEnd: monthsSince(report.periodEnd, now),
    satisfiesElevatedRequirement: report.type === "type2" && state !== "stale",
  };
}

/** One report's currency: stale after soc2StaleMonths, due from soc2DueMonths (docs/rules.md §2). */
export function soc2CurrencyState(report: Pick<Soc2Report, "periodEnd">, settings: Settings, now: Date): Exclude<Soc2State, "missing"> {
  const { soc2StaleMonths, soc2DueMonths } = settings.assurance;
  if (isMoreThanMonthsAfter(report.periodEnd, soc2StaleMonths, now)) return "stale";
  if (hasReachedMonthsAfter(report.periodEnd, soc2DueMonths, now)) return "due";
  return "current";
}

/**
 * The earliest period end that is not yet stale on `day` (soc2CurrencyState):
 * a report is stale on `day` exactly when its period end is before this.
 * Lets SQL ask "stale as of a date" with one comparison on an indexed text
 * column. Month-end clamping makes "N months before" ambiguous (31 Mar, 30
 * Mar and 29 Mar all reach 28 Feb… or not), so the answer is found with the
 * very test soc2CurrencyState uses, not by subtracting months.
 */
export function firstCurrentPeriodEnd(day: string, staleMonths: number): string {
  const now = dayStartInstant(day);
  const isStale = (periodEnd: string) => isMoreThanMonthsAfter(periodEnd, staleMonths, now);
  let candidate: string = addMonthsToDay(day, -staleMonths);
  while (!isStale(addDaysToDay(candidate, -1))) candidate = addDaysToDay(candidate, -1);
  while (isStale(candidate)) candidate = addDaysToDay(candidate, 1);
  return candidate;
}
