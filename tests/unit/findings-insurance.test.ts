import { describe, expect, it } from "vitest";
import { buildDossier, insurancePolicy, MODERATE_PROFILE } from "./helpers/dossier-builder";
import { findingsOf, summary, withSettings } from "./helpers/run-findings";

// docs/rules.md §3: $5,000,000 per occurrence for Critical/High or fintech/
// healthcare-adjacent engagements, $2,000,000 otherwise; exactly at the
// minimum passes. NOW is 15 Mar 2026; the clean vendor is Critical.

const FIVE_MILLION = 5_000_000_00;
const TWO_MILLION = 2_000_000_00;

describe("insurance presence", () => {
  it.each([
    [{}, "insurance.missing:high"],
    [{ profile: MODERATE_PROFILE }, "insurance.missing:medium"],
  ])("no policy for %j → %s", (change, expected) => {
    const findings = findingsOf(buildDossier({ ...change, insurancePolicies: [] }), "insurance.");
    expect(summary(findings)).toEqual([expected]);
  });
});

describe("insurance minimum", () => {
  const policy = (perOccurrenceMinor: number) =>
    insurancePolicy({ perOccurrenceMinor, aggregateMinor: Math.max(perOccurrenceMinor, FIVE_MILLION) });

  it.each([
    ["Critical, exactly $5M", {}, FIVE_MILLION, []],
    ["Critical, one cent below $5M", {}, FIVE_MILLION - 1, ["insurance.below_minimum:high"]],
    ["Moderate, exactly $2M", MODERATE_PROFILE, TWO_MILLION, []],
    ["Moderate, one cent below $2M", MODERATE_PROFILE, TWO_MILLION - 1, ["insurance.below_minimum:medium"]],
  ])("%s", (_label, profile, amount, expected) => {
    expect(summary(findingsOf(buildDossier({ profile, insurancePolicies: [policy(amount)] }), "insurance."))).toEqual(expected);
  });

  it("quotes both amounts and the basis", () => {
    const [finding] = findingsOf(buildDossier({ insurancePolicies: [policy(FIVE_MILLION - 1)] }), "insurance.");
    expect(finding?.message).toContain("$4,999,999.99 per occurrence");
    expect(finding?.message).toContain("$5,000,000.00 per occurrence (Critical tier)");
    expect(finding?.observed).toBe("$4,999,999.99 per occurrence");
    expect(finding?.threshold).toBe("at least $5,000,000.00 per occurrence (Critical tier)");
  });

  it("applies the elevated minimum to a fintech engagement overridden to Moderate", () => {
    const profile = {
      tierOverride: { tier: "moderate" as const, reason: "Agents only read anonymised ticket metadata." },
    };
    const findings = findingsOf(buildDossier({ profile, insurancePolicies: [policy(FIVE_MILLION - 1)] }), "insurance.");
    expect(summary(findings)).toEqual(["insurance.below_minimum:medium"]);
    expect(findings[0]?.threshold).toContain("(fintech engagement)");
  });

  it("does not compare limits in another currency", () => {
    const eur = insurancePolicy({ currency: "EUR", perOccurrenceMinor: 1_00, aggregateMinor: 1_00 });
    const findings = findingsOf(buildDossier({ insurancePolicies: [eur] }), "insurance.");
    expect(summary(findings)).toEqual(["insurance.currency_mismatch:medium"]);
    expect(findings[0]?.observed).toBe("EUR");
    expect(findings[0]?.threshold).toBe("USD");
  });

  it("reads the minimum and currency from settings", () => {
    const settings = withSettings((s) => {
      s.insurance.currency = "EUR";
      s.insurance.minimumElevatedMinor = 3_000_000_00;
    });
    const eur = insurancePolicy({ currency: "EUR", perOccurrenceMinor: 3_000_000_00 });
    expect(findingsOf(buildDossier({ insurancePolicies: [eur] }), "insurance.", { settings })).toEqual([]);
  });
});

describe("insurance expiry", () => {
  // 15 Mar 2026 + 60 days = 14 May 2026.
  it.each([
    ["2026-03-14", ["insurance.expired:high"]],
    ["2026-03-15", ["insurance.expiring:low"]],
    ["2026-05-14", ["insurance.expiring:low"]],
    ["2026-05-15", []],
  ])("expiry %s → %j", (expiryDate, expected) => {
    expect(summary(findingsOf(buildDossier({ insurancePolicies: [insurancePolicy({ expiryDate })] }), "insurance."))).toEqual(expected);
  });

  it("judges the policy that expires last", () => {
    const lapsed = insurancePolicy({ id: "ins-old", expiryDate: "2025-12-31", perOccurrenceMinor: 1_00, aggregateMinor: 1_00 });
    expect(findingsOf(buildDossier({ insurancePolicies: [lapsed, insurancePolicy()] }), "insurance.")).toEqual([]);
  });

  it("words the expiry", () => {
    const [f] = findingsOf(buildDossier({ insurancePolicies: [insurancePolicy({ expiryDate: "2026-03-27" })] }), "insurance.");
    expect(f?.message).toContain("expires in 12 days");
  });
});
