import { describe, expect, it } from "vitest";
import { buildDossier, LOW_PROFILE, pentest } from "./helpers/dossier-builder";
import { findingsOf, summary } from "./helpers/run-findings";

// docs/rules.md §2: pen test older than 12 months is stale; incident response plan
// tested annually; security policy and BCP on file. NOW is 15 Mar 2026.

describe("penetration test", () => {
  it.each([
    [{}, ["pentest.missing:medium"]],
    [{ profile: LOW_PROFILE }, ["pentest.missing:low"]],
  ])("none on file for %j → %j", (change, expected) => {
    expect(summary(findingsOf(buildDossier({ ...change, pentests: [] }), "pentest."))).toEqual(expected);
  });

  it.each([
    ["2025-03-15", []], // exactly 12 months
    ["2025-03-14", ["pentest.stale:medium"]], // 12 months and 1 day
  ])("performed %s → %j", (performedOn, expected) => {
    expect(summary(findingsOf(buildDossier({ pentests: [pentest({ performedOn })] }), "pentest."))).toEqual(expected);
  });

  it("judges the latest test", () => {
    const old = pentest({ id: "pt-old", performedOn: "2023-01-10", openCriticalHigh: 5 });
    expect(findingsOf(buildDossier({ pentests: [old, pentest()] }), "pentest.")).toEqual([]);
  });

  it.each([
    [0, []],
    [1, ["pentest.open_critical_high:high"]],
  ])("%i open critical/high findings → %j", (openCriticalHigh, expected) => {
    expect(summary(findingsOf(buildDossier({ pentests: [pentest({ openCriticalHigh })] }), "pentest."))).toEqual(expected);
  });

  it("quotes the age and the threshold", () => {
    const [f] = findingsOf(buildDossier({ pentests: [pentest({ performedOn: "2024-12-01" })] }), "pentest.");
    // 1 Dec 2024 + 15 months = 1 Mar 2026, then 14 days to 15 Mar.
    expect(f?.observed).toBe("15 months and 14 days old");
    expect(f?.threshold).toBe("at most 12 months old");
  });
});

describe("incident response plan", () => {
  it.each([
    [[], ["incident_response.missing:medium"]],
    [[{ id: "irp-1" }], ["incident_response.never_tested:medium"]],
    [[{ id: "irp-1", lastTestedOn: "2025-03-15" }], []], // exactly 12 months
    [[{ id: "irp-1", lastTestedOn: "2025-03-14" }], ["incident_response.test_overdue:medium"]],
    [[{ id: "irp-1" }, { id: "irp-2", lastTestedOn: "2026-01-10" }], []], // one tested plan is enough
  ])("%j → %j", (incidentResponsePlans, expected) => {
    expect(summary(findingsOf(buildDossier({ incidentResponsePlans }), "incident_response."))).toEqual(expected);
  });
});

describe("security policy and business continuity plan", () => {
  it("flags a missing security policy", () => {
    expect(summary(findingsOf(buildDossier({ securityPolicies: [] }), "security_policy."))).toEqual(["security_policy.missing:medium"]);
  });

  it("flags a missing BCP as low, and accepts an untested one", () => {
    expect(summary(findingsOf(buildDossier({ continuityPlans: [] }), "bcp."))).toEqual(["bcp.missing:low"]);
    expect(findingsOf(buildDossier({ continuityPlans: [{ id: "bcp-1" }] }), "bcp.")).toEqual([]);
  });
});
