import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, resolveSettings, settingsSchema } from "@/lib/schemas/settings";

describe("sign-in and session settings", () => {
  it("refuses an idle timeout longer than the absolute one, next to the idle field", () => {
    const result = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, sessions: { idleMinutes: 600, absoluteHours: 8 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["sessions.idleMinutes"]);
  });

  it("refuses an absolute timeout beyond the cookie's own 24 hours, and a delay beyond 30 s", () => {
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, sessions: { idleMinutes: 30, absoluteHours: 25 } }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, login: { ...DEFAULT_SETTINGS.login, maxDelaySeconds: 31 } }).success).toBe(false);
  });

  it("a row stored with the old lockout keys still loads, with the new policy's defaults", () => {
    const stored = { ...DEFAULT_SETTINGS, login: { maxFailures: 5, windowMinutes: 20, lockoutMinutes: 15 }, sessions: undefined };
    const resolved = resolveSettings(JSON.parse(JSON.stringify(stored)));
    expect(resolved.login).toEqual({ ...DEFAULT_SETTINGS.login, windowMinutes: 20 });
    expect(resolved.sessions).toEqual(DEFAULT_SETTINGS.sessions);
  });
});
