import { UTCDate, utc } from "@date-fns/utc";
import {
  addDays,
  addMonths,
  addYears,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  differenceInMilliseconds,
  endOfQuarter,
  format,
  formatDistanceStrict,
  getISODay,
  getQuarter,
  getYear,
  isValid,
  parseISO,
  startOfDay,
  startOfYear,
} from "date-fns";
import { millisecondsInHour } from "date-fns/constants";

// Calendar arithmetic for currency and expiry rules: the ONE place the app
// computes with calendar days. Everything is date-fns on UTC dates
// (@date-fns/utc), so the server's time zone can never change a result.
// Other modules ask this one instead of adding days or months themselves,
// slicing ISO strings or multiplying milliseconds.
//
// Conventions (every rule relies on them, tests/unit/dates.test.ts pins them):
// - Rules work on *calendar days*. A "YYYY-MM-DD" string is that day. An
//   instant (a Date or an ISO date-time) counts as the UTC calendar day it falls
//   on, because instants are stored in UTC (README.md, Architecture, "Dates").
// - Adding N months keeps the day of the month and clamps to the last day of a
//   shorter month (date-fns addMonths): 2025-01-31 + 1 month = 2025-02-28,
//   2024-02-29 + 12 months = 2025-02-28, 2024-02-29 + 14 months = 2025-04-29.
//   It never grants a vendor more days than the same day-number N months on.
// - "More than N months since D" means today is after D + N months:
//   D = 2024-02-29, N = 14 → still fine on 2025-04-29, over on 2025-04-30.
// - "N months or more since D" means today is on or after D + N months.
// - A day that does not exist ("2025-02-30") is refused with a RangeError;
//   the schemas refuse it at the door with isRealIsoDay.
// - Days are UTC midnights (UTCDate) inside this module and never leave it: a
//   Date passed in is always an instant and a day handed out is always a
//   "YYYY-MM-DD" string (or, from dayStartInstant, the instant the day starts).
// - The findings engine asks about the same few thousand days hundreds of
//   thousands of times, so reading and writing "YYYY-MM-DD" is memoised
//   (bounded; see remember()).

/** A calendar day written "YYYY-MM-DD". */
export type IsoDate = string;
export type DayInput = Date | string;

/** A day inside this module: the UTC midnight that starts it. */
type Day = UTCDate;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const PEOPLE_DAY_FORMAT = "d MMM yyyy";

// Memo tables (day string → day, day → its index, day + N months, day → text).
// Days are never mutated once made, so a memoised one can be handed out
// again. A table is cleared when full so a long-running server never grows it
// without bound.
const MEMO_LIMIT = 50_000;
const parsedDays = new Map<string, Day | null>();
const dayIndexes = new Map<number, number>();
const monthsLater = new Map<number, Map<number, Day>>();
const writtenDays = new Map<number, IsoDate>();
const peopleDays = new Map<number, string>();
const EPOCH_DAY: Day = new UTCDate(0);
let lastInstant: { time: number; day: Day } = { time: 0, day: EPOCH_DAY };

function remember<K, V>(memo: Map<K, V>, key: K, value: V): V {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The day a "YYYY-MM-DD" names, or null when it is not a real day. */
function parseDay(value: string): Day | null {
  const known = parsedDays.get(value);
  if (known !== undefined) return known;
  const day = parseISO(value, { in: utc });
  return remember(parsedDays, value, isValid(day) ? day : null);
}

/** The calendar day of a "YYYY-MM-DD", an ISO date-time, or an instant (its UTC day). */
function dayOf(value: DayInput): Day {
  if (typeof value === "string" && value.length === 10 && ISO_DAY.test(value)) {
    const day = parseDay(value);
    if (day === null) throw new RangeError(`Invalid date: ${value}`);
    return day;
  }
  const instant = parseInstant(value);
  const time = instant.getTime();
  // Most calls ask about the same `now`.
  if (time !== lastInstant.time) lastInstant = { time, day: startOfDay(instant, { in: utc }) };
  return lastInstant.day;
}

/** Whole days from 1970-01-01 to the day; differences of these are calendar-day differences. */
function dayIndex(day: Day): number {
  const time = day.getTime();
  return dayIndexes.get(time) ?? remember(dayIndexes, time, differenceInCalendarDays(day, EPOCH_DAY));
}

/** The day N months after `day`, clamped to month end (date-fns addMonths). */
function addMonthsTo(day: Day, months: number): Day {
  let memo = monthsLater.get(months);
  if (!memo) monthsLater.set(months, (memo = new Map()));
  const time = day.getTime();
  return memo.get(time) ?? remember(memo, time, addMonths(day, months));
}

function iso(day: Day): IsoDate {
  const time = day.getTime();
  if (Number.isNaN(time)) throw new RangeError("Invalid time value");
  return writtenDays.get(time) ?? remember(writtenDays, time, format(day, "yyyy-MM-dd"));
}

/** Whole months from day a to day b: the largest n with a + n months <= b (see monthsBetween). */
function monthsFromTo(a: Day, b: Day): number {
  let n = differenceInCalendarMonths(b, a);
  while (addMonthsTo(a, n) > b) n -= 1;
  while (addMonthsTo(a, n + 1) <= b) n += 1;
  return n;
}

/** An instant from a Date or an ISO date-time string; throws on nonsense. */
export function parseInstant(value: DayInput): Date {
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  return d;
}

/** True for a "YYYY-MM-DD" that names a day that exists (2024-02-29 yes, 2025-02-29 no). */
export function isRealIsoDay(value: string): boolean {
  return ISO_DAY.test(value) && parseDay(value) !== null;
}

/** "YYYY-MM-DD" of a day, an ISO date-time or an instant (its UTC day). Throws on nonsense. */
export function formatIsoDay(value: DayInput): IsoDate {
  return iso(dayOf(value));
}

/** "29 Feb 2024": the form people read on every screen, in findings and PDFs. */
export function formatDayForPeople(value: DayInput): string {
  const day = dayOf(value);
  const time = day.getTime();
  return peopleDays.get(time) ?? remember(peopleDays, time, format(day, PEOPLE_DAY_FORMAT));
}

/** "29 Feb 2024, 14:05 UTC" (with seconds when asked): an instant for people, always in UTC. */
export function formatInstantForPeople(value: DayInput, { seconds = false }: { seconds?: boolean } = {}): string {
  return `${format(new UTCDate(parseInstant(value).getTime()), seconds ? `${PEOPLE_DAY_FORMAT}, HH:mm:ss` : `${PEOPLE_DAY_FORMAT}, HH:mm`)} UTC`;
}

/** "14:05 UTC": the time of day of an instant, in UTC. */
export function formatTimeOfDayUtc(value: DayInput): string {
  return `${format(new UTCDate(parseInstant(value).getTime()), "HH:mm")} UTC`;
}

/** The instant a calendar day starts (its UTC midnight), e.g. for a database bound. */
export function dayStartInstant(value: DayInput): Date {
  return new Date(dayOf(value).getTime());
}

/** The instant N whole UTC days after `instant`, at the same UTC time of day. */
export function addDaysToInstant(instant: DayInput, days: number): Date {
  return new Date(addDays(new UTCDate(parseInstant(instant).getTime()), days).getTime());
}

/** The day N months after `from`, clamped to month end (see conventions). */
export function addMonthsToDay(from: DayInput, months: number): IsoDate {
  return iso(addMonthsTo(dayOf(from), months));
}

/** The day N days after `from` (before, for a negative N). */
export function addDaysToDay(from: DayInput, days: number): IsoDate {
  return iso(addDays(dayOf(from), days));
}

/** The first day of the month N months after the month of `from` ("2026-03-15", -2 → "2026-01-01"). */
export function firstDayOfMonthAfter(from: DayInput, months: number): IsoDate {
  const day = addMonths(dayOf(from), months);
  return iso(addDays(day, 1 - day.getDate()));
}

/** 1 January of the year N years after the year of `from` ("2026-03-15", 1 → "2027-01-01"). */
export function firstDayOfYearAfter(from: DayInput, years: number): IsoDate {
  return iso(startOfYear(addYears(dayOf(from), years)));
}

/** The calendar year of a day (2026 for "2026-03-15"). */
export function yearOfDay(day: DayInput): number {
  return getYear(dayOf(day));
}

/** The ISO weekday of a day: 1 = Monday … 7 = Sunday (a month view starts its weeks on Monday). */
export function isoWeekdayOfDay(day: DayInput): number {
  return getISODay(dayOf(day));
}

/** The calendar quarter of a day as KPI periods name it: "2026-Q3" for "2026-08-31". */
export function quarterOfDay(day: DayInput): string {
  const d = dayOf(day);
  return `${getYear(d)}-Q${getQuarter(d)}`;
}

/** The last day of the calendar quarter `day` falls in ("2026-02-10" → "2026-03-31"). */
export function endOfQuarterDay(day: DayInput): IsoDate {
  return iso(startOfDay(endOfQuarter(dayOf(day))));
}

/** Signed whole days from today until `date` (negative once it is past). */
export function daysUntil(date: DayInput, now: Date): number {
  return dayIndex(dayOf(date)) - dayIndex(dayOf(now));
}

/** Signed whole days from `date` until today. */
export function daysSince(date: DayInput, now: Date): number {
  return -daysUntil(date, now);
}

/** Signed whole days from day `from` to day `to` (negative when `to` is earlier). */
export function daysBetween(from: DayInput, to: DayInput): number {
  return dayIndex(dayOf(to)) - dayIndex(dayOf(from));
}

/**
 * Whole months from `from` to `to`: the largest n with from + n months <= to,
 * using the same clamping as addMonthsToDay, so monthsSince and the staleness
 * tests can never disagree. Negative when `to` is before `from`.
 */
export function monthsBetween(from: DayInput, to: DayInput): number {
  return monthsFromTo(dayOf(from), dayOf(to));
}

/** Whole months from `from` until today (negative for a future date). */
export function monthsSince(from: DayInput, now: Date): number {
  return monthsBetween(from, now);
}

/** Whole months plus the remaining days from `from` to today (from <= today). */
export function elapsedSince(from: DayInput, now: Date): { months: number; days: number } {
  const a = dayOf(from);
  const b = dayOf(now);
  const months = Math.max(0, monthsFromTo(a, b));
  const days = dayIndex(b) - dayIndex(addMonthsTo(a, months));
  return { months, days: Math.max(0, days) };
}

/** True when today is after from + N months ("more than N months since"). */
export function isMoreThanMonthsAfter(from: DayInput, months: number, now: Date): boolean {
  return dayOf(now) > addMonthsTo(dayOf(from), months);
}

/** True when today is on or after from + N months ("N months or more since"). */
export function hasReachedMonthsAfter(from: DayInput, months: number, now: Date): boolean {
  return dayOf(now) >= addMonthsTo(dayOf(from), months);
}

/** Exact hours between two instants (fractional; negative if end is earlier). */
export function hoursBetween(start: DayInput, end: DayInput): number {
  return differenceInMilliseconds(parseInstant(end), parseInstant(start)) / millisecondsInHour;
}

/** "4 minutes ago", "in 3 hours": how long ago an instant was, for events (audit log, sign-ins). */
export function describeInstantRelative(at: DayInput, now: Date): string {
  return formatDistanceStrict(parseInstant(at), now, { addSuffix: true });
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
  const y = dayOf(to);
  const x = dayOf(from);
  return y >= x ? describeDaySpan(x, y) : describeDaySpan(y, x);
}

/** describeSpan of day a to day b, a <= b. */
function describeDaySpan(a: Day, b: Day): string {
  const months = monthsFromTo(a, b);
  if (months >= 24) return plural(Math.floor(months / 12), "year");
  if (months >= 1) return plural(months, "month");
  return plural(dayIndex(b) - dayIndex(a), "day");
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
