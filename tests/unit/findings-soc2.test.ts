import { describe, expect, it } from "vitest";
import { soc2Status } from "@/lib/domain/assurance/soc2-status";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, LOW_PROFILE, MODERATE_PROFILE, NOW, soc2Report } from "./helpers/dossier-builder";
import { findingsOf, summary, withSettings } from "./helpers/run-findings";

// docs/rules.md §2: stale when MORE than 14 months since period end,
// due for renewal from 12 months; Critical/High need a current Type II.
// The clean vendor is Critical.

const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe("SOC 2 presence and type", () => {
  it.each([
    [{}, "soc2.missing:high"],
    [{ profile: MODERATE_PROFILE }, "soc2.missing:medium"],
    [{ profile: LOW_PROFILE }, "soc2.missing:low"],
  ])("no report for %j → %s", (change, expected) => {
    expect(summary(findingsOf(buildDossier({ ...change, soc2Reports: [] }), "soc2."))).toEqual([expected]);
  });

  it("a Type I alone does not satisfy a Critical vendor", () => {
    const type1 = soc2Report({ type: "type1", periodStart: "2025-12-31" });
    const findings = findingsOf(buildDossier({ soc2Reports: [type1] }), "soc2.");
    expect(summary(findings)).toEqual(["soc2.type1_only:high"]);
    expect(findings[0]?.message).toContain("Critical vendors need a current Type II report");
  });

  it("a Type I alone is a medium gap for a Moderate vendor", () => {
    const type1 = soc2Report({ type: "type1", periodStart: "2025-12-31" });
    expect(summary(findingsOf(buildDossier({ profile: MODERATE_PROFILE, soc2Reports: [type1] }), "soc2."))).toEqual([
      "soc2.type1_only:medium",
    ]);
  });

  it("a newer Type I does not hide a stale Type II", () => {
    const staleType2 = soc2Report({ id: "t2", periodStart: "2024-01-01", periodEnd: "2024-12-31", issueDate: "2025-02-01" });
    const freshType1 = soc2Report({ id: "t1", type: "type1", periodStart: "2026-01-31", periodEnd: "2026-01-31", issueDate: "2026-02-20" });
    const findings = findingsOf(buildDossier({ soc2Reports: [freshType1, staleType2] }), "soc2.");
    expect(summary(findings)).toEqual(["soc2.stale:high"]);
    expect(findings[0]?.subject.id).toBe("t2");
  });
});

describe("SOC 2 currency boundaries", () => {
  // Expected states follow from the rule: stale ⇔ today > periodEnd + 14 months;
  // due ⇔ today >= periodEnd + 12 months (months clamp at month end).
  it.each([
    ["2024-02-29", "2025-02-27", "current"],
    ["2024-02-29", "2025-02-28", "due"], // + 12 months clamps to 28 Feb
    ["2024-02-29", "2025-04-29", "due"], // exactly 14 months: not stale
    ["2024-02-29", "2025-04-30", "stale"], // one day later
    ["2024-06-30", "2025-08-30", "due"],
    ["2024-06-30", "2025-08-31", "stale"],
    ["2025-01-31", "2026-03-31", "due"], // + 14 months clamps to 31 Mar, exactly 14
    ["2025-01-31", "2026-04-01", "stale"],
    ["2024-12-31", "2026-02-28", "due"], // + 14 months clamps to 28 Feb
    ["2024-12-31", "2026-03-01", "stale"],
    ["2025-03-15", "2026-03-14", "current"],
    ["2025-03-15", "2026-03-15", "due"], // exactly 12 months
  ])("period end %s, today %s → %s", (periodEnd, today, expected) => {
    const dossier = buildDossier({ soc2Reports: [soc2Report({ periodStart: "2024-01-01", periodEnd })] });
    expect(soc2Status(dossier, DEFAULT_SETTINGS, at(today)).state).toBe(expected);
    const codes = findingsOf(dossier, ["soc2.stale", "soc2.due"], { now: today }).map((f) => f.code);
    expect(codes).toEqual(expected === "current" ? [] : [`soc2.${expected}`]);
  });

  it("quotes the elapsed time and the threshold", () => {
    const dossier = buildDossier({ soc2Reports: [soc2Report({ periodStart: "2023-03-01", periodEnd: "2024-02-29" })] });
    const [stale] = findingsOf(dossier, "soc2.stale", { now: "2025-04-30" });
    expect(stale?.observed).toBe("14 months and 1 day since period end");
    expect(stale?.threshold).toBe("at most 14 months since period end");
    expect(stale?.message).toContain("29 Feb 2024");
    expect(stale?.message).toContain("stale for 1 day");
    expect(stale?.source).toMatch(/^AICPA SOC 2; organisation policy/);
    expect(stale?.subject).toEqual({ kind: "soc2_report", id: "soc2-2025", label: expect.stringContaining("SOC 2 Type II") });
  });

  it("a stale report is a medium finding for a Moderate vendor", () => {
    const dossier = buildDossier({ profile: MODERATE_PROFILE, soc2Reports: [soc2Report({ periodEnd: "2024-06-30" })] });
    expect(summary(findingsOf(dossier, "soc2.stale"))).toEqual(["soc2.stale:medium"]);
  });

  it("reads the thresholds from settings", () => {
    const settings = withSettings((s) => {
      s.assurance.soc2StaleMonths = 18;
    });
    const dossier = buildDossier({ soc2Reports: [soc2Report({ periodEnd: "2024-02-29" })] });
    expect(findingsOf(dossier, "soc2.stale", { now: "2025-04-30", settings })).toEqual([]);
    expect(findingsOf(dossier, "soc2.due", { now: "2025-04-30", settings })).toHaveLength(1);
  });
});

describe("soc2Status", () => {
  it("is missing with no report", () => {
    expect(soc2Status(buildDossier({ soc2Reports: [] }), DEFAULT_SETTINGS, NOW)).toEqual({
      state: "missing",
      monthsSincePeriodEnd: null,
      satisfiesElevatedRequirement: false,
    });
  });

  it("reports the months since period end and whether it satisfies Critical/High", () => {
    const current = soc2Status(buildDossier({}), DEFAULT_SETTINGS, NOW);
    expect(current).toMatchObject({ state: "current", monthsSincePeriodEnd: 2, satisfiesElevatedRequirement: true });
    const due = soc2Status(buildDossier({ soc2Reports: [soc2Report({ periodEnd: "2025-02-15" })] }), DEFAULT_SETTINGS, NOW);
    expect(due).toMatchObject({ state: "due", monthsSincePeriodEnd: 13, satisfiesElevatedRequirement: true });
    const stale = soc2Status(buildDossier({ soc2Reports: [soc2Report({ periodEnd: "2025-01-14" })] }), DEFAULT_SETTINGS, NOW);
    expect(stale).toMatchObject({ state: "stale", monthsSincePeriodEnd: 14, satisfiesElevatedRequirement: false });
    const type1 = soc2Status(buildDossier({ soc2Reports: [soc2Report({ type: "type1" })] }), DEFAULT_SETTINGS, NOW);
    expect(type1).toMatchObject({ state: "current", satisfiesElevatedRequirement: false });
  });
});

describe("SOC 2 opinion and exceptions", () => {
  it.each([
    ["unqualified", []],
    ["qualified", ["soc2.opinion:medium"]],
    ["adverse", ["soc2.opinion:high"]],
    ["disclaimer", ["soc2.opinion:high"]],
  ] as const)("%s opinion → %j", (opinion, expected) => {
    expect(summary(findingsOf(buildDossier({ soc2Reports: [soc2Report({ opinion })] }), "soc2."))).toEqual(expected);
  });

  it.each([
    [0, []],
    [1, ["soc2.exceptions:medium"]],
    [4, ["soc2.exceptions:medium"]],
  ])("%i exceptions → %j", (exceptionCount, expected) => {
    const findings = findingsOf(buildDossier({ soc2Reports: [soc2Report({ exceptionCount })] }), "soc2.");
    expect(summary(findings)).toEqual(expected);
    if (exceptionCount > 0) expect(findings[0]?.observed).toBe(`${exceptionCount} exception${exceptionCount === 1 ? "" : "s"}`);
  });
});

describe("SOC 2 bridge letter", () => {
  // Gap = today minus the later of period end and bridge letter date; a
  // finding once it is more than 3 months. NOW is 15 Mar 2026.
  it.each([
    ["2025-12-15", undefined, false], // exactly 3 months
    ["2025-12-14", undefined, true], // 3 months and 1 day
    ["2025-10-31", "2026-01-31", false], // letter 1.5 months old
    ["2025-09-30", "2025-12-15", false], // letter exactly 3 months old
    ["2025-09-30", "2025-12-14", true], // letter 3 months and 1 day old
  ])("period end %s, bridge letter %s → finding %s", (periodEnd, bridgeLetterDate, expected) => {
    const dossier = buildDossier({ soc2Reports: [soc2Report({ periodEnd, bridgeLetterDate })] });
    expect(findingsOf(dossier, "soc2.bridge_letter_gap").length).toBe(expected ? 1 : 0);
  });

  it("says which gap is uncovered", () => {
    const noLetter = findingsOf(buildDossier({ soc2Reports: [soc2Report({ periodEnd: "2025-11-30" })] }), "soc2.bridge_letter_gap");
    expect(noLetter[0]?.message).toContain("No bridge letter covers the 3 months and 15 days");
    expect(noLetter[0]?.severity).toBe("low");
    const oldLetter = findingsOf(
      buildDossier({ soc2Reports: [soc2Report({ periodEnd: "2025-06-30", bridgeLetterDate: "2025-10-01" })] }),
      "soc2.bridge_letter_gap",
    );
    expect(oldLetter[0]?.message).toContain("bridge letter dated 1 Oct 2025");
  });

  it("is replaced by the stale finding once the report is stale", () => {
    const dossier = buildDossier({ soc2Reports: [soc2Report({ periodEnd: "2024-06-30" })] });
    expect(summary(findingsOf(dossier, "soc2."))).toEqual(["soc2.stale:high"]);
  });
});
