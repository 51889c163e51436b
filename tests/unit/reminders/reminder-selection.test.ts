import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, resolveSettings, settingsSchema } from "@/lib/schemas/settings";
import {
  describeDaysLeft,
  reminderKindLabel,
  reminderStage,
  reminderSpan,
  responsibleRole,
  selectDueReminders,
  type DatedItem,
} from "@/lib/domain/reminders/reminder-selection";

// A fixed "now" late in the UTC day: the stage must follow the calendar day,
// not the 24-hour periods since now.
const NOW = new Date("2026-03-15T22:30:00Z");
const DEFAULT_WINDOWS = [60, 30, 7];

// Item dates written out as days, counted by hand from 2026-03-15
// (March has 31 days, April 30): +61 → 15 May, +60 → 14 May, +59 → 13 May,
// +30 → 14 Apr, +7 → 22 Mar, 0 → 15 Mar, −1 → 14 Mar.
const TABLE: { daysAway: number; date: string; stage: string | null; why: string }[] = [
  { daysAway: 61, date: "2026-05-15", stage: null, why: "outside the widest window" },
  { daysAway: 60, date: "2026-05-14", stage: "window:60", why: "on the edge of the 60-day window" },
  { daysAway: 59, date: "2026-05-13", stage: "window:60", why: "inside 60, outside 30" },
  { daysAway: 30, date: "2026-04-14", stage: "window:30", why: "the narrowest window it is in is 30" },
  { daysAway: 7, date: "2026-03-22", stage: "window:7", why: "the narrowest window it is in is 7" },
  { daysAway: 0, date: "2026-03-15", stage: "due_today", why: "falls due today" },
  { daysAway: -1, date: "2026-03-14", stage: "overdue", why: "went overdue yesterday" },
];

describe("reminderStage with the default windows 60/30/7", () => {
  for (const row of TABLE) {
    it(`${row.daysAway} days away (${row.date}): ${row.stage ?? "no reminder"} (${row.why})`, () => {
      expect(reminderStage(row.date, NOW, DEFAULT_WINDOWS)).toBe(row.stage);
    });
  }

  it("does not depend on the order or repetition of the windows", () => {
    for (const row of TABLE) expect(reminderStage(row.date, NOW, [7, 60, 30, 7])).toBe(row.stage);
  });
});

describe("reminderStage with other windows (an organisation setting)", () => {
  it("a single 14-day window: 15 days away is quiet, 14 days away is reminded", () => {
    expect(reminderStage("2026-03-30", NOW, [14])).toBeNull();
    expect(reminderStage("2026-03-29", NOW, [14])).toBe("window:14");
  });

  it("no windows at all still reminds on the day and once overdue", () => {
    expect(reminderStage("2026-03-16", NOW, [])).toBeNull();
    expect(reminderStage("2026-03-15", NOW, [])).toBe("due_today");
    expect(reminderStage("2025-12-01", NOW, [])).toBe("overdue");
  });
});

describe("selectDueReminders", () => {
  const item = (itemId: string, date: string): DatedItem => ({ kind: "iso_expiry", itemId, vendorId: "v1", vendorName: "Acme", ownerId: null, date });

  it("keeps exactly the items in a stage, each with its stage and signed days left", () => {
    const items = TABLE.map((row) => item(`r${row.daysAway}`, row.date));
    const due = selectDueReminders(items, NOW, DEFAULT_WINDOWS);
    expect(due.map((d) => [d.item.itemId, d.stage, d.daysLeft])).toEqual(
      TABLE.filter((row) => row.stage !== null).map((row) => [`r${row.daysAway}`, row.stage, row.daysAway]),
    );
  });
});

describe("reminder vocabulary", () => {
  it("looks as far back for overdue items as ahead for windows", () => {
    expect(reminderSpan([30, 60, 7])).toEqual({ daysBack: 60, daysAhead: 60 });
  });

  it("routes ownerless items to the role whose job the date is, and unknown kinds to procurement", () => {
    expect(responsibleRole("contract_notice")).toBe("legal");
    expect(responsibleRole("soc2_stale")).toBe("security");
    expect(responsibleRole("insurance_expiry")).toBe("procurement");
    expect(responsibleRole("some_future_kind")).toBe("procurement");
  });

  it("labels unknown kinds from their key and states days in words", () => {
    expect(reminderKindLabel("pentest_age_limit")).toBe("Pentest age limit");
    expect(describeDaysLeft(0)).toBe("today");
    expect(describeDaysLeft(1)).toBe("in 1 day");
    expect(describeDaysLeft(-3)).toBe("3 days ago");
  });
});

describe("the reminder settings (Settings → Reminders)", () => {
  const withWindows = (windowsDays: unknown, hourUtc: unknown = 6) => settingsSchema.safeParse({ ...DEFAULT_SETTINGS, reminders: { windowsDays, hourUtc } });
  const message = (r: ReturnType<typeof withWindows>) => (r.success ? null : r.error.issues[0]!.message);

  it("the defaults are 60/30/7 days at 6 UTC and valid", () => {
    expect(DEFAULT_SETTINGS.reminders).toEqual({ windowsDays: [60, 30, 7], hourUtc: 6 });
    expect(withWindows([60, 30, 7]).success).toBe(true);
  });

  it("refuses an empty list, repeats, non-whole or out-of-range days, too many windows and a bad hour, each with its reason", () => {
    expect(message(withWindows([]))).toBe("Enter at least one window, e.g. 60, 30, 7");
    expect(message(withWindows([30, 30]))).toBe("Each window only once");
    expect(message(withWindows([0]))).toBe("Each window is a whole number of days from 1 to 365");
    expect(message(withWindows([366]))).toBe("Each window is a whole number of days from 1 to 365");
    expect(message(withWindows([Number.NaN]))).toBe("Each window is a whole number of days from 1 to 365");
    expect(message(withWindows([1, 2, 3, 4, 5, 6, 7]))).toBe("At most 6 windows");
    expect(message(withWindows([7], 24))).toBe("Use an hour from 0 to 23");
  });

  it("stored settings from before reminders existed get the defaults", () => {
    const { reminders: _dropped, ...older } = DEFAULT_SETTINGS;
    expect(resolveSettings(older).reminders).toEqual({ windowsDays: [60, 30, 7], hourUtc: 6 });
  });
});
