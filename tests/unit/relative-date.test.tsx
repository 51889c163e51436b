import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DayText, InstantText } from "@/components/ui/relative-date";
import { Soc2Badge } from "@/components/vendors/soc2-badge";

// One display for dates on lists and detail pages (components/ui/relative-date.tsx):
// the absolute day inside <time>, the machine value in its datetime, the phrase
// beside it and in the title. Every phrase is lib/domain/dates.ts's.

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'");
const NOW = new Date("2026-11-23T12:00:00Z");

describe("DayText", () => {
  it.each([
    // [day, due, visible text, datetime]
    ["2026-12-05", undefined, "5 Dec 2026 (in 12 days)", "2026-12-05"],
    ["2026-12-05", "expiry", "5 Dec 2026 (expires in 12 days)", "2026-12-05"],
    ["2026-09-23", "deadline", "23 Sep 2026 (overdue by 2 months)", "2026-09-23"],
    ["2026-11-23", "renewal", "23 Nov 2026 (due for renewal today)", "2026-11-23"],
    ["2024-02-29", undefined, "29 Feb 2024 (2 years ago)", "2024-02-29"],
  ] as const)("%s (%s) reads %s", (day, due, visible, dateTime) => {
    const html = renderToStaticMarkup(<DayText day={day} now={NOW} due={due} />);
    expect(text(html)).toBe(visible);
    expect(html).toContain(`dateTime="${dateTime}"`);
  });

  it("keeps the phrase in the title when it is not shown", () => {
    const html = renderToStaticMarkup(<DayText day="2026-12-05" now={NOW} due="expiry" relative={false} />);
    expect(text(html)).toBe("5 Dec 2026");
    expect(html).toContain('title="5 Dec 2026: expires in 12 days"');
  });

  it("shows an instant's UTC day whatever the server's time zone", () => {
    const saved = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      const html = renderToStaticMarkup(<DayText day={new Date("2026-03-15T23:30:00Z")} now={new Date("2026-03-15T23:45:00Z")} />);
      expect(text(html)).toBe("15 Mar 2026 (today)");
      expect(html).toContain('dateTime="2026-03-15"');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe("InstantText", () => {
  it("reads the instant in UTC with the day-level phrase", () => {
    const html = renderToStaticMarkup(<InstantText at="2026-11-20T09:05:00+02:00" now={NOW} />);
    expect(text(html)).toBe("20 Nov 2026, 07:05 UTC (3 days ago)");
    expect(html).toContain('dateTime="2026-11-20T07:05:00.000Z"');
  });

  it("is precise to the minute and the second for the audit log", () => {
    const html = renderToStaticMarkup(<InstantText at="2026-11-23T11:56:00Z" now={NOW} seconds precise />);
    expect(text(html)).toBe("23 Nov 2026, 11:56:00 UTC (4 minutes ago)");
  });
});

describe("Soc2Badge on the vendor list", () => {
  it.each([
    // [stored state, stale from, text]
    ["stale", "2026-08-23", "Stale stale for 3 months"],
    ["due", "2027-01-23", "Due for renewal stale in 2 months"],
    ["due", "2026-11-23", "Stale stale since today"], // the stored state lags; the date decides
    ["current", "2027-12-01", "Current"],
    ["missing", null, "Missing"],
  ] as const)("%s from %s reads %s", (state, staleFrom, visible) => {
    const html = renderToStaticMarkup(<Soc2Badge state={state} staleFrom={staleFrom} now={NOW} />);
    expect(text(html).replace(/\s+/g, " ").trim()).toBe(visible);
  });
});
