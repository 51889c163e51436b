import type { Settings } from "@/lib/schemas/settings";
import { addDaysToDay, addMonthsToDay, isoWeekdayOfDay, type DueKind, type IsoDate } from "../dates";
import { firstCurrentPeriodEnd } from "../assurance/soc2-status";

// The renewal calendar's vocabulary and the dates its rules produce: every
// dated obligation across the portfolio (README.md, "Renewal calendar").
// A kind's date is either a stored day (an expiry, a notice deadline, a due
// date) or a rule's output: the stored day shifted by a setting, computed here
// so the screen, the feed and the reminders date it the way the findings do.

export const CALENDAR_KINDS = [
  "iso_expiry",
  "insurance_expiry",
  "soc2_stale",
  "contract_notice",
  "contract_term_end",
  "pentest_stale",
  "ir_plan_test_due",
  "security_review_due",
  "reassessment_due",
  "remediation_due",
  "risk_acceptance_expiry",
] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** The team responsible for an item: the role whose queue the obligation belongs to (docs/rules.md, "Who uses it and for what"). */
export const CALENDAR_TEAMS = ["procurement", "legal", "security"] as const;
export type CalendarTeam = (typeof CALENDAR_TEAMS)[number];

export const CALENDAR_TEAM_LABELS: Record<CalendarTeam, string> = { procurement: "Procurement", legal: "Legal", security: "Security" };

interface KindInfo {
  label: string;
  team: CalendarTeam;
  /** How the date reads relative to today (lib/domain/dates.ts describeDue). */
  due: DueKind;
  /** The vendor tab that shows the record. */
  tab: string;
}

export const CALENDAR_KIND_INFO: Record<CalendarKind, KindInfo> = {
  iso_expiry: { label: "ISO 27001 certificate expires", team: "security", due: "expiry", tab: "assurance" },
  insurance_expiry: { label: "Cyber insurance expires", team: "procurement", due: "expiry", tab: "insurance" },
  soc2_stale: { label: "SOC 2 report goes stale", team: "security", due: "deadline", tab: "assurance" },
  contract_notice: { label: "Contract notice deadline", team: "legal", due: "deadline", tab: "legal" },
  contract_term_end: { label: "Contract term ends", team: "legal", due: "expiry", tab: "legal" },
  pentest_stale: { label: "Pen test too old", team: "security", due: "deadline", tab: "assurance" },
  ir_plan_test_due: { label: "Incident response plan test due", team: "security", due: "deadline", tab: "assurance" },
  security_review_due: { label: "Quarterly security review due", team: "security", due: "deadline", tab: "reviews" },
  reassessment_due: { label: "Reassessment due", team: "procurement", due: "deadline", tab: "assessments" },
  remediation_due: { label: "Remediation item due", team: "procurement", due: "deadline", tab: "assessments" },
  risk_acceptance_expiry: { label: "Risk acceptance expires", team: "security", due: "expiry", tab: "assessments" },
};

export function kindsOfTeam(team: CalendarTeam): CalendarKind[] {
  return CALENDAR_KINDS.filter((k) => CALENDAR_KIND_INFO[k].team === team);
}

export function isCalendarKind(value: unknown): value is CalendarKind {
  return typeof value === "string" && (CALENDAR_KINDS as readonly string[]).includes(value);
}

/** A pen test is stale once more than pentestMaxAgeMonths passed since it was performed (docs/rules.md §2): the first stale day. */
export function pentestStaleFrom(performedOn: IsoDate, settings: Settings): IsoDate {
  return addDaysToDay(addMonthsToDay(performedOn, settings.assurance.pentestMaxAgeMonths), 1);
}

/** The incident response plan is tested at least every incidentResponseTestMaxAgeMonths (docs/rules.md §2): the last day the test is in time. */
export function irPlanTestDueBy(lastTestedOn: IsoDate, settings: Settings): IsoDate {
  return addMonthsToDay(lastTestedOn, settings.assurance.incidentResponseTestMaxAgeMonths);
}

/** Critical/High vendors hold a security review at least every cadenceElevatedMonths (docs/rules.md §6): the last day the next one is in time. */
export function securityReviewDueBy(heldOn: IsoDate, settings: Settings): IsoDate {
  return addMonthsToDay(heldOn, settings.reviews.cadenceElevatedMonths);
}

/**
 * Which stored days a months-shifted rule maps into [from, to]: the stored day
 * d is in the answer exactly when `from <= d + months (+1 for a first-stale
 * day) <= to`. Adding months is monotone, so this is one range, [lower,
 * upperExclusive), that a database can scan on the stored column's index.
 */
export function storedDayRange(range: { from: IsoDate; to: IsoDate }, months: number, firstDayAfter: boolean): { lower: IsoDate; upperExclusive: IsoDate } {
  // firstCurrentPeriodEnd(D, n) is the smallest d with d + n months >= D.
  const shift = firstDayAfter ? -1 : 0;
  return {
    lower: firstCurrentPeriodEnd(addDaysToDay(range.from, shift), months),
    upperExclusive: firstCurrentPeriodEnd(addDaysToDay(range.to, shift + 1), months),
  };
}

/**
 * The weeks of a month view, Monday first: each week seven "YYYY-MM-DD" days,
 * with the days of the neighbouring months that complete the first and last week.
 */
export function monthGridWeeks(month: string): IsoDate[][] {
  const first = `${month}-01`;
  const last = addDaysToDay(addMonthsToDay(first, 1), -1);
  const mondayOffset = isoWeekdayOfDay(first) - 1;
  const weeks: IsoDate[][] = [];
  for (let start = addDaysToDay(first, -mondayOffset); start <= last; start = addDaysToDay(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDaysToDay(start, i)));
  }
  return weeks;
}
