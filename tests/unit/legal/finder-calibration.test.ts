import { describe, expect, test } from "vitest";
import { type CalibrationTable, calibratedConfidence, confidenceBasis, confidenceCaveat } from "@/lib/domain/legal/finder-calibration";

const table: CalibrationTable = {
  about: "",
  measuredOn: "test split",
  documents: 3,
  cells: {
    "*": { found_clear: { proposals: 40, right: 36 }, by_reference: { proposals: 1, right: 1 } },
    right_to_audit: { found_clear: { proposals: 10, right: 9 }, by_reference: { proposals: 1, right: 1 } },
  },
};

describe("what a confidence rests on", () => {
  test("the clause's own proposals, counted", () => {
    expect(confidenceBasis("right_to_audit", "found_clear", table)).toEqual({ proposals: 10, pooled: false });
    expect(calibratedConfidence("right_to_audit", "found_clear", table)).toBe(0.83);
    expect(confidenceCaveat({ proposals: 10, pooled: false })).toBe("");
  });

  test("a clause never measured in this bucket takes every clause's pooled figure, and says so", () => {
    expect(confidenceBasis("cyber_insurance", "found_clear", table)).toEqual({ proposals: 40, pooled: true });
    expect(calibratedConfidence("cyber_insurance", "found_clear", table)).toBe(0.88);
    expect(confidenceCaveat(confidenceBasis("cyber_insurance", "found_clear", table))).toBe("all clauses pooled");
  });

  test("a figure from a handful of proposals says how few", () => {
    expect(confidenceCaveat(confidenceBasis("right_to_audit", "by_reference", table))).toBe("from 1 proposal");
    expect(confidenceCaveat({ proposals: 4, pooled: false })).toBe("from 4 proposals");
  });
});
