import { describe, expect, it } from "vitest";
import { CALENDAR_KINDS, CALENDAR_KIND_INFO, monthGridWeeks, storedDayRange } from "@/lib/domain/calendar/obligations";
import { addDaysToDay, addMonthsToDay } from "@/lib/domain/dates";
import { kindsOfFilter } from "@/lib/schemas/calendar";

describe("month grid", () => {
  it.each([
    // month, first cell (a Monday), last cell (a Sunday), weeks
    ["2026-12", "2026-11-30", "2027-01-03", 5],
    ["2026-02", "2026-01-26", "2026-03-01", 5],
    ["2021-02", "2021-02-01", "2021-02-28", 4], // starts on a Monday, ends on a Sunday
    ["2026-06", "2026-06-01", "2026-07-05", 5],
  ])("%s runs from %s to %s in %i weeks", (month, first, last, count) => {
    const weeks = monthGridWeeks(month);
    expect(weeks).toHaveLength(count);
    expect(weeks[0]![0]).toBe(first);
    expect(weeks.at(-1)![6]).toBe(last);
    const days = weeks.flat();
    days.slice(1).forEach((d, i) => expect(d).toBe(addDaysToDay(days[i]!, 1)));
  });
});

describe("stored day range of a months-shifted rule", () => {
  // Brute force: every stored day d around the range, kept when its shifted day falls inside.
  it.each([
    [{ from: "2027-02-01", to: "2027-02-28" }, 12, true],
    [{ from: "2027-02-28", to: "2027-03-31" }, 14, true],
    [{ from: "2027-02-28", to: "2027-03-01" }, 3, false],
    [{ from: "2026-12-31", to: "2027-01-30" }, 1, false],
  ])("%o shifted by %i months (first day after: %s)", (range, months, firstDayAfter) => {
    const { lower, upperExclusive } = storedDayRange(range, months, firstDayAfter);
    for (let d = addMonthsToDay(range.from, -months - 2); d <= addMonthsToDay(range.to, -months + 2); d = addDaysToDay(d, 1)) {
      const shifted = addDaysToDay(addMonthsToDay(d, months), firstDayAfter ? 1 : 0);
      expect(d >= lower && d < upperExclusive, d).toBe(shifted >= range.from && shifted <= range.to);
    }
  });
});

describe("calendar filter kinds", () => {
  it("a team selects exactly its kinds; a kind narrows; a kind outside the team selects nothing", () => {
    expect(kindsOfFilter({})).toEqual([...CALENDAR_KINDS]);
    expect(kindsOfFilter({ team: "legal" })).toEqual(["contract_notice", "contract_term_end"]);
    expect(kindsOfFilter({ team: "security", kind: "pentest_stale" })).toEqual(["pentest_stale"]);
    expect(kindsOfFilter({ team: "legal", kind: "pentest_stale" })).toEqual([]);
    expect(kindsOfFilter({ kind: "remediation_due" })).toEqual(["remediation_due"]);
    for (const k of CALENDAR_KINDS) expect(kindsOfFilter({ team: CALENDAR_KIND_INFO[k].team })).toContain(k);
  });
});
