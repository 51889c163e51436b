// Calendar arithmetic for currency and expiry rules.
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
// - Internally a day is a day number (whole days since 1970-01-01 in the
//   proleptic Gregorian calendar), computed with integer arithmetic only, so
//   the process time zone cannot enter into it and no Date is allocated (the
//   findings engine calls these helpers hundreds of thousands of times). Day
//   numbers never leave this module: a Date passed in is always an instant
//   and a day handed out is always a "YYYY-MM-DD" string.
//
// The results are those of the date-fns arithmetic (addMonths,
// differenceInCalendarDays, format "yyyy-MM-dd" / "d MMM yyyy") on local
// midnights that this module used before, including its quirks: a
// "YYYY-MM-DD" with an out-of-range month or day rolls over like the Date
// constructor ("2025-02-30" is 2 March), and a year before 1 is written as
// its era year (year 0 is "0001", as date-fns' "yyyy" does). The one place
// they differ is where the old way was wrong: in a time zone that skipped a
// whole calendar day (Pacific/Apia 2011-12-30, Pacific/Kiritimati
// 1994-12-31) a local midnight on that day does not exist.

/** A calendar day written "YYYY-MM-DD". */
export type IsoDate = string;
export type DayInput = Date | string;

/** Whole days since 1970-01-01 (negative before). */
type DayNumber = number;

/** A day split into its parts; month is 1-12. */
interface Civil {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Day number of year/month/day; month (1-12) and day must be in range. */
function daysFromCivil(year: number, month: number, day: number): DayNumber {
  // Howard Hinnant's days_from_civil: years start in March, so the leap day
  // is the last day of the (shifted) year; eras are 400-year cycles.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Year/month/day of a day number (inverse of daysFromCivil). */
function civilFromDays(n: DayNumber): Civil {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Day number of a year, 0-based month index and day that may be out of range,
 * which roll over as in the Date constructor (month 12 is January next year,
 * day 0 the last day of the month before).
 */
function dayNumber(year: number, monthIndex: number, day: number): DayNumber {
  const carry = Math.floor(monthIndex / 12);
  return daysFromCivil(year + carry, monthIndex - carry * 12 + 1, 1) + day - 1;
}

/** Value of the two ASCII digits at i and i + 1 of s, or -1 if either is not a digit. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** The calendar day of a "YYYY-MM-DD", an ISO date-time, or an instant (its UTC day). */
function dayOf(value: DayInput): DayNumber {
  if (typeof value === "string") {
    // Exactly /^\d{4}-\d{2}-\d{2}$/, read without a regular expression.
    if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
      const hi = twoDigits(value, 0);
      const lo = twoDigits(value, 2);
      const month = twoDigits(value, 5);
      const day = twoDigits(value, 8);
      if (hi >= 0 && lo >= 0 && month >= 0 && day >= 0) return dayNumber(hi * 100 + lo, month - 1, day);
    }
    return instantDay(parseInstant(value));
  }
  const time = value.getTime();
  if (Number.isNaN(time)) throw new RangeError("Invalid date");
  return Math.floor(time / MS_PER_DAY);
}

function instantDay(instant: Date): DayNumber {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

/** date-fns "yyyy": the era year (1 - year before year 1), at least four digits. */
function yearText(year: number): string {
  const y = year > 0 ? year : 1 - year;
  return y >= 1000 ? String(y) : String(y).padStart(4, "0");
}

function twoDigitText(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function iso(n: DayNumber): IsoDate {
  if (Number.isNaN(n)) throw new RangeError("Invalid time value");
  const { year, month, day } = civilFromDays(n);
  return `${yearText(year)}-${twoDigitText(month)}-${twoDigitText(day)}`;
}

/** The day N months after day n, clamped to month end (date-fns addMonths). */
function addMonthsTo(n: DayNumber, months: number): DayNumber {
  if (months === 0) return n;
  const { year, month, day } = civilFromDays(n);
  let index = year * 12 + (month - 1) + months;
  if (!Number.isInteger(months)) {
    // What date-fns does with a fractional count: Date#setMonth truncates the
    // month index (current month + months + 1, towards zero); NaN and
    // ±Infinity give an invalid day.
    if (!Number.isFinite(months)) return Number.NaN;
    index = year * 12 + Math.trunc(month - 1 + months + 1) - 1;
  }
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return daysFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Whole months from day a to day b, the largest n with a + n months <= b (see monthsBetween). */
function monthsFromTo(a: DayNumber, b: DayNumber): number {
  const from = civilFromDays(a);
  const to = civilFromDays(b);
  let n = (to.year - from.year) * 12 + (to.month - from.month);
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

/** "YYYY-MM-DD" of a day, an ISO date-time or an instant (its UTC day). Throws on nonsense. */
export function formatIsoDay(value: DayInput): IsoDate {
  return iso(dayOf(value));
}

/** "29 Feb 2024": the form people read in findings and PDFs. */
export function formatDayForPeople(value: DayInput): string {
  const { year, month, day } = civilFromDays(dayOf(value));
  return `${day} ${MONTH_ABBREVIATIONS[month - 1]} ${yearText(year)}`;
}

/** The day N months after `from`, clamped to month end (see conventions). */
export function addMonthsToDay(from: DayInput, months: number): IsoDate {
  return iso(addMonthsTo(dayOf(from), months));
}

/** Signed whole days from today until `date` (negative once it is past). */
export function daysUntil(date: DayInput, now: Date): number {
  return dayOf(date) - dayOf(now);
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
  const days = b - addMonthsTo(a, months);
  return { months, days: Math.max(0, days) };
}

/** True when today is after from + N months ("more than N months since"). */
export function isMoreThanMonthsAfter(from: DayInput, months: number, now: Date): boolean {
  const today = dayOf(now);
  return today - addMonthsTo(dayOf(from), months) > 0;
}

/** True when today is on or after from + N months ("N months or more since"). */
export function hasReachedMonthsAfter(from: DayInput, months: number, now: Date): boolean {
  const today = dayOf(now);
  return today - addMonthsTo(dayOf(from), months) >= 0;
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
  const y = dayOf(to);
  const x = dayOf(from);
  return y >= x ? describeDaySpan(x, y) : describeDaySpan(y, x);
}

/** describeSpan of day a to day b, a <= b. */
function describeDaySpan(a: DayNumber, b: DayNumber): string {
  const months = monthsFromTo(a, b);
  if (months >= 24) return plural(Math.floor(months / 12), "year");
  if (months >= 1) return plural(months, "month");
  return plural(b - a, "day");
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
