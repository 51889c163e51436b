import { describe, expect, it } from "vitest";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, cleanLegal, legalWithClause, LOW_PROFILE, MODERATE_PROFILE, onsiteSite } from "./helpers/dossier-builder";
import { findingsOf, summary } from "./helpers/run-findings";

// The legal family inside the findings engine: legalFindingsFor gets its
// context (tier with override, data, industries, sites, insurance minimum)
// from the dossier itself. The rules themselves are tested in tests/unit/legal.

const legalCodes = (overrides: Parameters<typeof buildDossier>[0]) => summary(findingsOf(buildDossier(overrides), "legal."));

describe("legal findings in findingsFor", () => {
  it("takes the tier from the profile, and an override wins", () => {
    const legal = legalWithClause("incident_notification", null);
    expect(legalCodes({ legal })).toEqual(["legal.clause.missing:blocker"]);
    expect(legalCodes({ legal, profile: MODERATE_PROFILE })).toEqual(["legal.clause.missing:high"]);
    expect(legalCodes({ legal, profile: { tierOverride: { tier: "low", reason: "Reviewed: the billing access is read-only in practice." } } })).toEqual([
      "legal.clause.missing:high",
    ]);
    expect(legalCodes({ legal, profile: { ...MODERATE_PROFILE, tierOverride: { tier: "high", reason: "Escalated after the 2025 incident review." } } })).toEqual([
      "legal.clause.missing:blocker",
    ]);
  });

  it.each([
    // [cap in US$, profile, deviating?] — the minimum is $5M for Critical/High or fintech, $2M otherwise (docs/rules.md §3).
    [3_000_000, {}, true],
    [5_000_000, {}, false],
    [3_000_000, MODERATE_PROFILE, false],
    [1_500_000, MODERATE_PROFILE, true],
    [3_000_000, { ...MODERATE_PROFILE, industries: ["fintech" as const] }, true],
  ])("a liability cap of $%d is compared with the vendor's insurance minimum (%o)", (dollars, profile, deviating) => {
    const legal = legalWithClause("liability_cap", { amountMinor: dollars * 100, currency: "USD" });
    expect(legalCodes({ legal, profile })).toEqual(deviating ? ["legal.clause.deviating:medium"] : []);
  });

  it("uses the sensitive training cadence for card data and fintech, the annual one otherwise", () => {
    const legal = legalWithClause("security_training", { months: 12 });
    expect(legalCodes({ legal })).toEqual(["legal.clause.deviating:medium"]);
    expect(legalCodes({ legal, profile: MODERATE_PROFILE })).toEqual([]);
  });

  it("derives the transfer matrix from the delivery sites", () => {
    const withoutPh = { ...cleanLegal(), transferMechanisms: cleanLegal().transferMechanisms.filter((t) => t.country !== "PH") };
    const [finding] = findingsOf(buildDossier({ legal: withoutPh }), "legal.");
    expect(finding).toMatchObject({ code: "legal.transfer.no_mechanism", severity: "blocker", subject: { kind: "transfer", id: "PH" } });
    expect(finding?.message).toContain("Manila");
    // A site inside the EU/EEA needs no mechanism; without EU data there is no transfer at all.
    expect(legalCodes({ sites: [onsiteSite({ id: "site-berlin", country: "DE", city: "Berlin" })] })).toEqual([]);
    expect(legalCodes({ legal: { ...cleanLegal(), transferMechanisms: [] }, profile: { dataCategories: ["contact_pii"] } })).toEqual([]);
  });

  it("asks for a signed DPA only when personal data is processed", () => {
    const legal = { ...cleanLegal(), dpa: { status: "none" as const } };
    expect(legalCodes({ legal })).toEqual(["legal.dpa.not_signed:blocker"]);
    expect(legalCodes({ legal, profile: LOW_PROFILE })).toEqual([]);
  });

  it("an empty legal section is never a pass", () => {
    const codes = legalCodes({ legal: { contracts: [], clauseReviews: [], dpa: { status: "none" }, transferMechanisms: [], subProcessors: [] } });
    expect(codes.filter((c) => c.startsWith("legal.clause.missing"))).toHaveLength(10);
    expect(codes).toContain("legal.dpa.not_signed:blocker");
    expect(codes.filter((c) => c.startsWith("legal.transfer.no_mechanism"))).toHaveLength(2);
  });

  it("builds the same context the Legal tab uses", () => {
    const context = legalContextFor(buildDossier({ profile: MODERATE_PROFILE }), DEFAULT_SETTINGS);
    expect(context).toMatchObject({ tier: "moderate", insuranceMinimumMinor: DEFAULT_SETTINGS.insurance.minimumStandardMinor, currency: "USD" });
    expect(context.sites.map((s) => s.country)).toEqual(["PH", "IN"]);
  });
});
