import { addMonths, differenceInCalendarDays, format } from "date-fns";

// Calendar arithmetic for currency and expiry rules.
//
// Conventions (every rule relies on them, tests/unit/dates.test.ts pins them):
// - Rules work on *calendar days*. A "YYYY-MM-DD" string is that day. An
//   instant (a Date or an ISO date-time) counts as the UTC calendar day it falls
//   on, because instants are stored in UTC (architecture.md, "Dates").
// - Adding N months keeps the day of the month and clamps to the last day of a
//   shorter month (date-fns addMonths): 2025-01-31 + 1 month = 2025-02-28,
//   2024-02-29 + 12 months = 2025-02-28, 2024-02-29 + 14 months = 2025-04-29.
//   It never grants a vendor more days than the same day-number N months on.
// - "More than N months since D" means today is after D + N months:
//   D = 2024-02-29, N = 14 → still fine on 2025-04-29, over on 2025-04-30.
// - "N months or more since D" means today is on or after D + N months.
// - Internally days are local-midnight Date objects so date-fns' local month
//   arithmetic gives the same answer in every process time zone. They never
//   leave this module: a Date passed in is always an instant and a day
//   handed out is always a "YYYY-MM-DD" string, so nothing can mistake one
//   for the other (a local midnight east of UTC is the previous UTC day).

/** A calendar day written "YYYY-MM-DD". */
export type IsoDate = string;
export type DayInput = Date | string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The calendar day of a "YYYY-MM-DD", an ISO date-time, or an instant (its UTC day). */
function dayOf(value: DayInput): Date {
  if (typeof value === "string") {
    const m = ISO_DAY.exec(value);
    if (m) return localDay(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return dayOf(parseInstant(value));
  }
  if (Number.isNaN(value.getTime())) throw new RangeError("Invalid date");
  return localDay(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
}

function iso(day: Date): IsoDate {
  return format(day, "yyyy-MM-dd");
}

/** An instant from a Date or an ISO date-time string; throws on nonsense. */
export function parseInstant(value: DayInput): Date {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  return d;
}

function localDay(year: number, monthIndex: number, day: number): Date {
  const d = new Date(2000, 0, 1);
  // setFullYear, unlike the constructor, does not map years 0-99 to 19xx.
  d.setFullYear(year, monthIndex, day);
  d.setHours(0, 0, 0, 0);
  return d;
}

/** "YYYY-MM-DD" of a day, an ISO date-time or an instant (its UTC day). Throws on nonsense. */
export function formatIsoDay(value: DayInput): IsoDate {
  return iso(dayOf(value));
}

/** "29 Feb 2024": the form people read in findings and PDFs. */
export function formatDayForPeople(value: DayInput): string {
  return format(dayOf(value), "d MMM yyyy");
}

/** The day N months after `from`, clamped to month end (see conventions). */
export function addMonthsToDay(from: DayInput, months: number): IsoDate {
  return iso(addMonths(dayOf(from), months));
}

/** Signed whole days from today until `date` (negative once it is past). */
export function daysUntil(date: DayInput, now: Date): number {
  return differenceInCalendarDays(dayOf(date), dayOf(now));
}

/** Signed whole days from `date` until today. */
export function daysSince(date: DayInput, now: Date): number {
  return -daysUntil(date, now);
}

/**
 * Whole months from `from` to `to`: the largest n with from + n months <= to,
 * using the same clamping as addMonthsToDay, so monthsSince and the staleness
 * tests can never disagree. Negative when `to` is before `from`.
 */
export function monthsBetween(from: DayInput, to: DayInput): number {
  const a = dayOf(from);
  const b = dayOf(to);
  let n = (b.getFullYear() - a.getFullYear()) * 12 + (b.getMonth() - a.getMonth());
  while (differenceInCalendarDays(addMonths(a, n), b) > 0) n -= 1;
  while (differenceInCalendarDays(addMonths(a, n + 1), b) <= 0) n += 1;
  return n;
}

/** Whole months from `from` until today (negative for a future date). */
export function monthsSince(from: DayInput, now: Date): number {
  return monthsBetween(from, now);
}

/** Whole months plus the remaining days from `from` to today (from <= today). */
export function elapsedSince(from: DayInput, now: Date): { months: number; days: number } {
  const months = Math.max(0, monthsSince(from, now));
  const days = differenceInCalendarDays(dayOf(now), addMonths(dayOf(from), months));
  return { months, days: Math.max(0, days) };
}

/** True when today is after from + N months ("more than N months since"). */
export function isMoreThanMonthsAfter(from: DayInput, months: number, now: Date): boolean {
  return differenceInCalendarDays(dayOf(now), addMonths(dayOf(from), months)) > 0;
}

/** True when today is on or after from + N months ("N months or more since"). */
export function hasReachedMonthsAfter(from: DayInput, months: number, now: Date): boolean {
  return differenceInCalendarDays(dayOf(now), addMonths(dayOf(from), months)) >= 0;
}

/** Exact hours between two instants (fractional; negative if end is earlier). */
export function hoursBetween(start: DayInput, end: DayInput): number {
  return (parseInstant(end).getTime() - parseInstant(start).getTime()) / 3_600_000;
}

// ---------------------------------------------------------------- wording

/** "1 month", "3 months". */
export function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}

/**
 * The span between two days in the coarsest whole unit people use: days under
 * a month, months under two years, then years. Always rounds down, so a
 * reminder never overstates how much time is left.
 */
export function describeSpan(from: DayInput, to: DayInput): string {
  const [a, b] = differenceInCalendarDays(dayOf(to), dayOf(from)) >= 0 ? [from, to] : [to, from];
  const months = monthsBetween(a, b);
  if (months >= 24) return plural(Math.floor(months / 12), "year");
  if (months >= 1) return plural(months, "month");
  return plural(differenceInCalendarDays(dayOf(b), dayOf(a)), "day");
}

/** "14 months and 1 day", "3 months", "12 days": exact elapsed time for observations. */
export function describeElapsed(from: DayInput, now: Date): string {
  const { months, days } = elapsedSince(from, now);
  if (months === 0) return plural(days, "day");
  return days === 0 ? plural(months, "month") : `${plural(months, "month")} and ${plural(days, "day")}`;
}

/**
 * How long something has been in a state since a day: "stale for 3 months",
 * "stale since today". The state word is the caller's ("stale", "overdue").
 */
export function describeAge(since: DayInput, now: Date, state = "stale"): string {
  if (daysSince(since, now) <= 0) return `${state} since today`;
  return `${state} for ${describeSpan(since, now)}`;
}

const DUE_WORDING = {
  expiry: { future: "expires in", today: "expires today", past: (s: string) => `expired ${s} ago` },
  renewal: {
    future: "due for renewal in",
    today: "due for renewal today",
    past: (s: string) => `overdue for renewal by ${s}`,
  },
  deadline: { future: "due in", today: "due today", past: (s: string) => `overdue by ${s}` },
} as const;
export type DueKind = keyof typeof DUE_WORDING;

/**
 * A deadline relative to today: "expires in 12 days", "expires today",
 * "expired 2 months ago", "due for renewal in 1 month".
 */
export function describeDue(date: DayInput, now: Date, kind: DueKind = "expiry"): string {
  const wording = DUE_WORDING[kind];
  const days = daysUntil(date, now);
  if (days === 0) return wording.today;
  if (days > 0) return `${wording.future} ${describeSpan(now, date)}`;
  return wording.past(describeSpan(date, now));
}

/** "3 months ago", "today", "in 12 days". */
export function describeRelative(date: DayInput, now: Date): string {
  const days = daysUntil(date, now);
  if (days === 0) return "today";
  return days > 0 ? `in ${describeSpan(now, date)}` : `${describeSpan(date, now)} ago`;
}
