import { describe, expect, it } from "vitest";
import { addDaysToDay, isMoreThanMonthsAfter } from "@/lib/domain/dates";
import { daysAhead, monthDays, monthLabel, monthRange, monthsEnding, monthsStarting, scoreBucketLabel, scoreBucketRange, soc2PeriodEndsStalingIn, vendorListHref } from "@/lib/domain/vendors/portfolio";
import { vendorListQuerySchema } from "@/lib/schemas/vendor";

describe("score buckets", () => {
  it.each([
    [0, { from: 0, to: 10, inclusiveTo: false }, "0–9.9"],
    [70, { from: 70, to: 80, inclusiveTo: false }, "70–79.9"],
    [90, { from: 90, to: 100, inclusiveTo: true }, "90–100"],
  ] as const)("bucket %i", (bucket, range, label) => {
    expect(scoreBucketRange(bucket)).toEqual(range);
    expect(scoreBucketLabel(bucket)).toBe(label);
  });
});

describe("months", () => {
  it("the twelve months ending with now's month cross a year boundary, oldest first", () => {
    const months = monthsEnding(new Date("2026-02-28T23:59:59Z"), 12);
    expect(months[0]).toBe("2025-03");
    expect(months.at(-1)).toBe("2026-02");
    expect(months).toHaveLength(12);
  });

  it("a month's range is [first instant, first instant of the next), in UTC; December rolls over", () => {
    expect(monthRange("2026-12")).toEqual({ from: new Date("2026-12-01T00:00:00Z"), to: new Date("2027-01-01T00:00:00Z") });
  });

  it("a month prints like the dates around it", () => {
    expect(monthLabel("2026-03")).toBe("Mar 2026");
  });
});

describe("links to the vendor list", () => {
  it("carry exactly the filter, and the list reads back the same filter", () => {
    const href = vendorListHref({ tier: "high", band: "none", score: 90, acceptance: "lapsed", assessed: "2026-05" });
    const url = new URL(href, "http://x");
    expect(url.pathname).toBe("/vendors");
    const query = vendorListQuerySchema.parse(Object.fromEntries(url.searchParams));
    expect(query).toMatchObject({ tier: "high", band: "none", score: 90, acceptance: "lapsed", assessed: "2026-05" });
  });

  it("the list drops a value it does not know rather than widening or failing", () => {
    const query = vendorListQuerySchema.parse({ band: "purple", score: "75", assessed: "2026-13", finding: "severe" });
    expect(query.band).toBeUndefined();
    expect(query.score).toBeUndefined();
    expect(query.assessed).toBeUndefined();
    expect(query.finding).toBeUndefined();
  });
});

describe("expiry windows", () => {
  it("30 days ahead includes today and the 30th day", () => {
    expect(daysAhead(new Date("2026-12-20T23:00:00Z"), 30)).toEqual({ from: "2026-12-20", to: "2027-01-19" });
  });

  it("a month's days run to its last day, February of a leap year included", () => {
    expect(monthDays("2028-02")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("the next twelve months start with this one", () => {
    const months = monthsStarting(new Date("2026-12-06T05:00:00Z"), 12);
    expect(months[0]).toBe("2026-12");
    expect(months.at(-1)).toBe("2027-11");
  });
});

describe("SOC 2 reports turning stale in a range", () => {
  // Every period end over two years, month ends and a leap day included: in the window exactly
  // when the report is stale on the range's last day but was not on the day before its first.
  it.each([
    [{ from: "2026-03-01", to: "2026-03-31" }, 12],
    [{ from: "2026-02-28", to: "2026-03-30" }, 14],
    [{ from: "2028-02-29", to: "2028-05-29" }, 3],
  ])("%o with %i months", (range, months) => {
    const window = soc2PeriodEndsStalingIn(range, months);
    const staleOn = (periodEnd: string, day: string) => isMoreThanMonthsAfter(periodEnd, months, new Date(`${day}T12:00:00Z`));
    for (let i = 0; i < 730; i++) {
      const periodEnd = addDaysToDay("2024-06-01", i);
      const turnsStale = staleOn(periodEnd, range.to) && !staleOn(periodEnd, addDaysToDay(range.from, -1));
      expect(periodEnd >= window.from && periodEnd < window.before, periodEnd).toBe(turnsStale);
    }
  });
});
