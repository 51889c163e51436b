import { describe, expect, it } from "vitest";
import { DB_SETTING_DEFAULTS, dbSettings } from "@/lib/server/db-settings";
import { retryDelayMs } from "@/lib/server/db";

describe("database settings from the environment", () => {
  it("defaults replace Prisma's 10 connections and 2 s wait", () => {
    expect(dbSettings({})).toEqual(DB_SETTING_DEFAULTS);
    expect(DB_SETTING_DEFAULTS.poolSize).toBeGreaterThan(10);
    expect(DB_SETTING_DEFAULTS.txMaxWaitMs).toBeGreaterThan(2000);
  });

  it("reads each variable, and names the one that is malformed", () => {
    expect(dbSettings({ ASSAY_DB_POOL_SIZE: "4", ASSAY_DB_TX_MAX_WAIT_MS: "250", ASSAY_DB_TX_RETRIES: "0" })).toMatchObject({ poolSize: 4, txMaxWaitMs: 250, txRetries: 0 });
    expect(() => dbSettings({ ASSAY_DB_POOL_SIZE: "0" })).toThrow(/ASSAY_DB_POOL_SIZE must be a whole number of at least 1/);
    expect(() => dbSettings({ ASSAY_DB_TX_TIMEOUT_MS: "5s" })).toThrow(/ASSAY_DB_TX_TIMEOUT_MS/);
  });
});

describe("retry delay", () => {
  it("is random up to a ceiling that doubles per attempt and stops at one second", () => {
    expect(retryDelayMs(0, () => 1)).toBe(25);
    expect(retryDelayMs(2, () => 1)).toBe(100);
    expect(retryDelayMs(10, () => 1)).toBe(1000);
    expect(retryDelayMs(3, () => 0)).toBe(0);
  });
});
