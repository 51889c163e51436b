import { expect, test } from "vitest";
import { createDenialThrottle } from "@/lib/domain/accounts/denial-throttle";

test("at most N denials per actor per window are recorded; the next recorded one carries the count left out", () => {
  const throttle = createDenialThrottle({ perWindow: 3, windowMs: 60_000 });
  const t0 = 1_000_000;
  const first = Array.from({ length: 10 }, (_, i) => throttle.admit("mallory", t0 + i));
  expect(first.map((a) => a.record)).toEqual([true, true, true, false, false, false, false, false, false, false]);
  // Another actor has a budget of its own.
  expect(throttle.admit("alice", t0 + 20)).toEqual({ record: true, suppressedBefore: 0 });
  // Next window: recorded again, with the 7 that were only counted.
  expect(throttle.admit("mallory", t0 + 60_000)).toEqual({ record: true, suppressedBefore: 7 });
  expect(throttle.admit("mallory", t0 + 60_001)).toEqual({ record: true, suppressedBefore: 0 });
});

test("memory stays bounded however many actors are seen", () => {
  const throttle = createDenialThrottle({ perWindow: 1, windowMs: 1000, maxActors: 100 });
  for (let i = 0; i < 10_000; i++) throttle.admit(`actor-${i}`, i * 0.01);
  expect(throttle.trackedActors()).toBeLessThanOrEqual(101);
  // Expired windows are dropped as time passes.
  throttle.admit("late", 5_000);
  expect(throttle.trackedActors()).toBe(1);
});
