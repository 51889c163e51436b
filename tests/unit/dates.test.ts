import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDaysToDay,
  addDaysToInstant,
  addMonthsToDay,
  dayStartInstant,
  daysBetween,
  endOfQuarterDay,
  firstDayOfMonthAfter,
  firstDayOfYearAfter,
  quarterOfDay,
  yearOfDay,
  formatInstantForPeople,
  isRealIsoDay,
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

// The same answers whatever the server's time zone (README.md, "Dates"): each
// table runs under zones a naive local-midnight or milliseconds implementation
// gets wrong. Node re-reads process.env.TZ when it changes, so these zones
// apply inside this one test process.
const ZONES = [
  "UTC",
  "Pacific/Kiritimati", // UTC+14: its local day is the next UTC day for 14 hours; it skipped 1994-12-31
  "America/Los_Angeles", // DST: 2026-03-08 has 23 hours, 2026-11-01 has 25
  "Pacific/Apia", // skipped 2011-12-30
  "Asia/Kolkata", // a half-hour offset
];

function inEachZone(run: () => void) {
  const saved = process.env.TZ;
  try {
    for (const zone of ZONES) {
      process.env.TZ = zone;
      run();
    }
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe("calendar days in every server time zone", () => {
  it.each([
    ["2024-02-28", 1, "2024-02-29"], // leap year
    ["2023-02-28", 1, "2023-03-01"],
    ["2100-02-28", 1, "2100-03-01"], // century years are not leap years ...
    ["2000-02-28", 1, "2000-02-29"], // ... unless divisible by 400
    ["2024-12-31", 1, "2025-01-01"],
    ["2025-03-01", -1, "2025-02-28"],
    ["2026-03-08", 1, "2026-03-09"], // 23-hour day in Los Angeles
    ["2026-11-01", 1, "2026-11-02"], // 25-hour day in Los Angeles
    ["1994-12-30", 1, "1994-12-31"], // the day Kiritimati skipped still exists
    ["2011-12-29", 1, "2011-12-30"], // the day Apia skipped still exists
    ["2026-01-01", 365, "2027-01-01"],
    ["2024-01-01", 366, "2025-01-01"],
  ])("%s + %i days = %s", (from, days, expected) => {
    inEachZone(() => expect(addDaysToDay(from, days)).toBe(expected));
  });

  it.each([
    ["2025-01-31", 1, "2025-02-28"],
    ["2000-01-31", 1, "2000-02-29"],
    ["2100-01-31", 1, "2100-02-28"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 14, "2025-04-29"],
    ["2026-10-31", 1, "2026-11-30"],
    ["2026-03-31", -1, "2026-02-28"],
    ["1994-11-30", 1, "1994-12-30"],
  ])("%s + %i months = %s", (from, months, expected) => {
    inEachZone(() => expect(addMonthsToDay(from, months)).toBe(expected));
  });

  it.each([
    // [day, now (instant), days until]
    ["2026-03-16", "2026-03-15T23:30:00Z", 1], // Kiritimati is already on the 16th locally
    ["2026-03-15", "2026-03-15T00:30:00Z", 0], // Los Angeles is still on the 14th locally
    ["2026-03-09", "2026-03-08T12:00:00Z", 1],
    ["2026-11-02", "2026-11-01T12:00:00Z", 1],
    ["1995-01-01", "1994-12-30T12:00:00Z", 2],
    ["2025-03-01", "2024-02-29T12:00:00Z", 366],
    ["2024-02-29", "2025-02-28T12:00:00Z", -365],
  ])("%s is %i days after the UTC day of %s", (day, now, expected) => {
    inEachZone(() => {
      expect(daysUntil(day, new Date(now))).toBe(expected);
      expect(daysBetween(formatIsoDay(now), day)).toBe(expected);
    });
  });

  it.each([
    ["2026-03-15T23:59:59.999Z", "2026-03-15", "15 Mar 2026"],
    ["2026-03-16T00:00:00.000Z", "2026-03-16", "16 Mar 2026"],
    ["2026-11-01T08:30:00-08:00", "2026-11-01", "1 Nov 2026"],
    ["2026-11-01T20:30:00-08:00", "2026-11-02", "2 Nov 2026"],
  ])("the instant %s is the UTC day %s (%s)", (instant, day, forPeople) => {
    inEachZone(() => {
      expect(formatIsoDay(instant)).toBe(day);
      expect(formatDayForPeople(new Date(instant))).toBe(forPeople);
      expect(dayStartInstant(instant).toISOString()).toBe(`${day}T00:00:00.000Z`);
    });
  });

  it.each([
    ["2026-01-01", "2026-Q1"],
    ["2026-03-31", "2026-Q1"],
    ["2026-04-01", "2026-Q2"],
    ["2026-12-31", "2026-Q4"],
  ])("%s falls in the KPI period %s", (day, expected) => {
    inEachZone(() => expect(quarterOfDay(day)).toBe(expected));
  });

  it.each([
    ["2026-02-10", "2026-03-31"],
    ["2026-03-31", "2026-03-31"],
    ["2026-04-01", "2026-06-30"],
    ["2026-12-31", "2026-12-31"],
  ])("the quarter of %s ends on %s", (day, expected) => {
    inEachZone(() => expect(endOfQuarterDay(day)).toBe(expected));
  });

  it.each([
    ["2026-03-15", -2, "2026-01-01"],
    ["2026-03-31", -1, "2026-02-01"],
    ["2026-01-31", -13, "2024-12-01"],
    ["2026-11-01", 0, "2026-11-01"],
  ])("the first day of the month of %s + %i months is %s", (day, months, expected) => {
    inEachZone(() => expect(firstDayOfMonthAfter(day, months)).toBe(expected));
  });

  it.each([
    ["2026-03-15", 0, "2026-01-01", 2026],
    ["2026-12-31", 1, "2027-01-01", 2026],
    ["2024-02-29", -1, "2023-01-01", 2024],
  ])("1 January of the year of %s + %i years is %s", (day, years, expected, year) => {
    inEachZone(() => {
      expect(firstDayOfYearAfter(day, years)).toBe(expected);
      expect(yearOfDay(day)).toBe(year);
    });
  });

  it("moves an instant by whole UTC days, keeping its UTC time of day across DST changes", () => {
    inEachZone(() => {
      expect(addDaysToInstant("2026-11-01T06:00:00Z", 1).toISOString()).toBe("2026-11-02T06:00:00.000Z");
      expect(addDaysToInstant("2026-03-09T06:00:00Z", -40).toISOString()).toBe("2026-01-28T06:00:00.000Z");
    });
  });

  it("writes instants for people in UTC", () => {
    inEachZone(() => {
      expect(formatInstantForPeople("2026-12-05T23:04:05Z")).toBe("5 Dec 2026, 23:04 UTC");
      expect(formatInstantForPeople("2026-12-05T23:04:05Z", { seconds: true })).toBe("5 Dec 2026, 23:04:05 UTC");
    });
  });
});

describe("real days", () => {
  it.each([
    ["2024-02-29", true],
    ["2000-02-29", true],
    ["2025-02-29", false],
    ["2100-02-29", false],
    ["2025-04-31", false],
    ["2025-12-31", true],
    ["2025-13-01", false],
    ["2025-00-10", false],
    ["2025-1-01", false],
    ["2025-01-01T00:00:00Z", false],
    ["", false],
  ])("%s is a real day: %s", (value, expected) => {
    expect(isRealIsoDay(value)).toBe(expected);
  });

  it("refuses a day that does not exist instead of rolling it over", () => {
    expect(() => addMonthsToDay("2025-02-30", 1)).toThrow(RangeError);
  });
});
