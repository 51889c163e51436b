import { describe, expect, it } from "vitest";
import { reminderRunDue } from "@/lib/domain/reminders/run-due";

describe("reminderRunDue (the in-server daily schedule, hour 6 UTC)", () => {
  it("waits for the hour, runs once that day, and again the next day", () => {
    expect(reminderRunDue(new Date("2026-06-10T05:59:59Z"), 6, null)).toBe(false);
    expect(reminderRunDue(new Date("2026-06-10T06:00:00Z"), 6, null)).toBe(true);
    expect(reminderRunDue(new Date("2026-06-10T06:05:00Z"), 6, "2026-06-10")).toBe(false);
    expect(reminderRunDue(new Date("2026-06-10T23:55:00Z"), 6, "2026-06-09")).toBe(true);
    expect(reminderRunDue(new Date("2026-06-11T05:00:00Z"), 6, "2026-06-10")).toBe(false);
    expect(reminderRunDue(new Date("2026-06-11T06:00:00Z"), 6, "2026-06-10")).toBe(true);
  });
});
