import { describe, expect, it } from "vitest";
import { afterFailure, CLEARED, isLocked, type ThrottleState } from "@/lib/domain/login-throttle";

const policy = { maxFailures: 5, windowMinutes: 15, lockoutMinutes: 15 };
const t0 = new Date("2026-11-22T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

function fail(times: number, start: ThrottleState = CLEARED, minutesApart = 1) {
  let s = start;
  for (let i = 0; i < times; i++) s = afterFailure(s, policy, at(i * minutesApart));
  return s;
}

describe("login throttle", () => {
  it.each([
    [1, false],
    [4, false],
    [5, true],
  ])("after %i failures within the window locked=%s", (n, locked) => {
    expect(isLocked(fail(n), at(n - 1))).toBe(locked);
  });

  it("the lock lasts exactly the lockout period from the 5th failure", () => {
    const s = fail(5); // 5th failure at minute 4
    expect(isLocked(s, at(4 + 15) )).toBe(false);
    expect(isLocked(s, new Date(at(4 + 15).getTime() - 1))).toBe(true);
  });

  it("failures spread beyond the window do not lock", () => {
    const s = fail(5, CLEARED, 4); // minutes 0,4,8,12,16: the window restarts at 16
    expect(isLocked(s, at(16))).toBe(false);
    expect(s.failedLoginCount).toBe(1);
  });
});
