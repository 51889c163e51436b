import { describe, expect, it } from "vitest";
import { accountDelayMs, isClientBlocked } from "@/lib/domain/accounts/login-throttle";

const policy = { clientAccountMaxFailures: 5, clientMaxFailures: 30, accountFailuresBeforeDelay: 10, maxDelaySeconds: 8 };

describe("login throttle", () => {
  it.each([
    [{ clientAccount: 4, client: 4, account: 4 }, false],
    [{ clientAccount: 5, client: 5, account: 5 }, true],
    [{ clientAccount: 0, client: 30, account: 0 }, true],
    [{ clientAccount: 0, client: 29, account: 500 }, false],
  ])("%o blocks the client: %s", (counts, blocked) => {
    expect(isClientBlocked(counts, policy)).toBe(blocked);
  });

  it("never blocks because of the account's own failure count, however high", () => {
    expect(isClientBlocked({ clientAccount: 0, client: 0, account: 1_000_000 }, policy)).toBe(false);
  });

  it.each([
    [0, 0],
    [9, 0],
    [10, 1000],
    [11, 2000],
    [12, 4000],
    [13, 8000],
    [14, 8000],
    [10_000, 8000],
  ])("%i account failures delay the next check by %i ms", (failures, ms) => {
    expect(accountDelayMs(failures, policy)).toBe(ms);
  });
});
