import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addMonthsToDay,
  daysSince,
  daysUntil,
  describeAge,
  describeDue,
  describeElapsed,
  describeRelative,
  describeSpan,
  formatDayForPeople,
  formatIsoDay,
  hasReachedMonthsAfter,
  hoursBetween,
  isMoreThanMonthsAfter,
  monthsBetween,
  monthsSince,
  plural,
} from "@/lib/domain/dates";

// Convention under test (lib/domain/dates.ts): same day-number N months on,
// clamped to the last day of a shorter month; "more than N months" means
// strictly after that day.

const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe("addMonthsToDay", () => {
  it.each([
    ["2025-01-31", 1, "2025-02-28"], // month end clamps to the shorter month
    ["2024-01-31", 1, "2024-02-29"], // ... and to the leap day in a leap year
    ["2024-02-29", 12, "2025-02-28"], // leap day + 1 year clamps
    ["2024-02-29", 14, "2025-04-29"], // leap day + 14 months keeps the 29th
    ["2024-02-29", 48, "2028-02-29"], // next leap year keeps the leap day
    ["2024-12-31", 14, "2026-02-28"],
    ["2024-06-30", 14, "2025-08-30"], // the 30th stays the 30th, not month end
    ["2025-03-31", -1, "2025-02-28"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(addMonthsToDay(from, months)).toBe(expected);
  });
});

describe("more than N months since (strictly after the anniversary day)", () => {
  it.each([
    ["2024-02-29", 14, "2025-04-29", false],
    ["2024-02-29", 14, "2025-04-30", true],
    ["2024-06-30", 14, "2025-08-30", false],
    ["2024-06-30", 14, "2025-08-31", true],
    ["2025-01-31", 1, "2025-02-28", false],
    ["2025-01-31", 1, "2025-03-01", true],
    ["2024-12-31", 14, "2026-02-28", false],
    ["2024-12-31", 14, "2026-03-01", true],
  ])("%s + %i months, on %s → %s", (from, months, today, expected) => {
    expect(isMoreThanMonthsAfter(from, months, at(today))).toBe(expected);
  });
});

describe("N months or more since (on or after the anniversary day)", () => {
  it.each([
    ["2024-02-29", 12, "2025-02-27", false],
    ["2024-02-29", 12, "2025-02-28", true],
    ["2025-03-15", 12, "2026-03-14", false],
    ["2025-03-15", 12, "2026-03-15", true],
  ])("%s + %i months, on %s → %s", (from, months, today, expected) => {
    expect(hasReachedMonthsAfter(from, months, at(today))).toBe(expected);
  });
});

describe("monthsSince", () => {
  it.each([
    ["2025-01-31", "2025-02-27", 0],
    ["2025-01-31", "2025-02-28", 1],
    ["2024-02-29", "2025-02-28", 12],
    ["2024-02-29", "2025-04-29", 14],
    ["2024-02-29", "2025-04-30", 14],
    ["2024-06-30", "2025-08-31", 14],
    ["2026-01-15", "2025-12-15", -1],
    ["2026-03-15", "2026-03-15", 0],
  ])("from %s to %s is %i whole months", (from, today, expected) => {
    expect(monthsSince(from, at(today))).toBe(expected);
  });

  it("agrees with hasReachedMonthsAfter for any day and month count", () => {
    const day = fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true })
      .map(formatIsoDay);
    fc.assert(
      fc.property(day, day, fc.integer({ min: 0, max: 60 }), (from, today, n) => {
        const now = at(today);
        expect(monthsSince(from, now) >= n).toBe(hasReachedMonthsAfter(from, n, now));
        expect(isMoreThanMonthsAfter(from, n, now)).toBe(hasReachedMonthsAfter(from, n, now) && daysUntil(addMonthsToDay(from, n), now) !== 0);
      }),
    );
  });
});

describe("calendar days of instants", () => {
  it("uses the UTC day of an instant whatever the offset it was written with", () => {
    expect(formatIsoDay("2026-03-15T23:30:00-05:00")).toBe("2026-03-16");
    expect(formatIsoDay(new Date("2026-03-15T00:00:00Z"))).toBe("2026-03-15");
    expect(formatIsoDay(new Date("2026-03-15T23:59:59Z"))).toBe("2026-03-15");
  });

  it("rejects nonsense", () => {
    expect(() => formatIsoDay("not a date")).toThrow(RangeError);
    expect(() => formatIsoDay(new Date(Number.NaN))).toThrow(RangeError);
  });

  it("counts days until and since", () => {
    const now = at("2026-03-15");
    expect(daysUntil("2026-03-27", now)).toBe(12);
    expect(daysUntil("2026-03-15", now)).toBe(0);
    expect(daysUntil("2026-03-14", now)).toBe(-1);
    expect(daysSince("2026-03-14", now)).toBe(1);
    // Across the 2024 leap day.
    expect(daysUntil("2024-03-01", at("2024-02-28"))).toBe(2);
  });

  it("measures exact hours between instants", () => {
    expect(hoursBetween("2025-10-02T08:00:00Z", "2025-10-02T14:30:00Z")).toBe(6.5);
    expect(hoursBetween("2025-10-02T08:00:00Z", "2025-10-02T10:00:00+02:00")).toBe(0);
  });

  it("formats days for people", () => {
    expect(formatDayForPeople("2024-02-29")).toBe("29 Feb 2024");
  });
});

describe("relative wording", () => {
  const now = at("2026-03-15");

  it("pluralises", () => {
    expect(plural(1, "day")).toBe("1 day");
    expect(plural(0, "day")).toBe("0 days");
    expect(plural(2, "month")).toBe("2 months");
  });

  it.each([
    ["2026-03-16", "expiry", "expires in 1 day"],
    ["2026-03-27", "expiry", "expires in 12 days"],
    ["2026-03-15", "expiry", "expires today"],
    ["2026-03-14", "expiry", "expired 1 day ago"],
    ["2026-01-15", "expiry", "expired 2 months ago"],
    ["2026-01-16", "expiry", "expired 1 month ago"], // 1 month 27 days rounds down
    ["2026-04-15", "expiry", "expires in 1 month"],
    ["2028-03-15", "expiry", "expires in 2 years"],
    ["2027-03-15", "expiry", "expires in 12 months"],
    ["2026-04-20", "renewal", "due for renewal in 1 month"],
    ["2026-03-15", "renewal", "due for renewal today"],
    ["2026-02-10", "renewal", "overdue for renewal by 1 month"],
    ["2026-03-20", "deadline", "due in 5 days"],
    ["2026-03-10", "deadline", "overdue by 5 days"],
  ] as const)("%s (%s) → %s", (date, kind, expected) => {
    expect(describeDue(date, now, kind)).toBe(expected);
  });

  it.each([
    ["2025-12-15", "stale", "stale for 3 months"],
    ["2026-02-14", "stale", "stale for 1 month"],
    ["2026-03-14", "stale", "stale for 1 day"],
    ["2026-03-15", "stale", "stale since today"],
    ["2026-03-01", "overdue", "overdue for 14 days"],
  ])("age since %s → %s", (since, state, expected) => {
    expect(describeAge(since, now, state)).toBe(expected);
  });

  it.each([
    ["2024-02-29", "2025-04-30", "14 months and 1 day"],
    ["2024-02-29", "2025-04-29", "14 months"],
    ["2026-03-03", "2026-03-15", "12 days"],
    ["2025-01-31", "2025-03-02", "1 month and 2 days"],
  ])("elapsed from %s to %s is %s", (from, today, expected) => {
    expect(describeElapsed(from, at(today))).toBe(expected);
  });

  it("describes spans and relative days in either order", () => {
    expect(describeSpan("2026-01-15", "2026-03-15")).toBe("2 months");
    expect(describeSpan("2026-03-15", "2026-01-15")).toBe("2 months");
    expect(describeRelative("2026-03-15", now)).toBe("today");
    expect(describeRelative("2026-03-10", now)).toBe("5 days ago");
    expect(describeRelative("2026-05-15", now)).toBe("in 2 months");
  });

  it("monthsBetween matches monthsSince", () => {
    expect(monthsBetween("2024-02-29", "2025-04-30")).toBe(14);
  });
});
