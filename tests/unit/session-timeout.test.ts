import { describe, expect, it } from "vitest";
import { needsTouch, sessionExpiry } from "@/lib/domain/accounts/session-timeout";

const t0 = new Date("2026-12-01T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const policy = { idleMinutes: 30, absoluteHours: 8 };

describe("session timeouts", () => {
  it.each([
    [0, 29, null],
    [0, 30, "idle"],
    [0, 31, "idle"],
    [470, 479, null],
    [470, 480, "absolute"],
    [10, 500, "absolute"],
  ])("signed in at 0, last seen at %i, now %i: %s", (lastSeen, now, expected) => {
    expect(sessionExpiry({ createdAt: t0, lastSeenAt: at(lastSeen) }, policy, at(now))).toBe(expected);
  });

  it("touches the session at most once a minute", () => {
    expect(needsTouch({ createdAt: t0, lastSeenAt: t0 }, new Date(t0.getTime() + 59_999))).toBe(false);
    expect(needsTouch({ createdAt: t0, lastSeenAt: t0 }, at(1))).toBe(true);
  });
});
