import { describe, expect, it } from "vitest";
import {
  computeInherentTier,
  effectiveTier,
  insuranceMinimum,
  reviewCadenceMonths,
  type TierInput,
} from "@/lib/domain/vendors/tier";
import type { Tier } from "@/lib/domain/vocabulary";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/schemas/settings";

// docs/rules.md §1: card data, health data, write access to billing/auth, or a
// fintech/healthcare engagement → at least High; two or more → Critical;
// otherwise Moderate with personal data or reset ability, else Low.

const base: TierInput = { dataCategories: [], accessLevel: "read_only", industries: ["saas"] };
const input = (over: Partial<TierInput>): TierInput => ({ ...base, ...over });

describe("computeInherentTier", () => {
  it.each<[string, Partial<TierInput>, Tier]>([
    ["nothing sensitive", {}, "low"],
    ["contact PII only", { dataCategories: ["contact_pii"] }, "moderate"],
    ["EU personal data only", { dataCategories: ["eu_personal"] }, "moderate"],
    ["credentials/reset data only", { dataCategories: ["credentials_reset"] }, "moderate"],
    ["can trigger resets only", { accessLevel: "trigger_resets" }, "moderate"],
    ["payment card data", { dataCategories: ["payment_card"] }, "high"],
    ["health data", { dataCategories: ["health"] }, "high"],
    ["billing write access", { accessLevel: "change_billing" }, "high"],
    ["admin access", { accessLevel: "admin" }, "high"],
    ["fintech engagement", { industries: ["fintech"] }, "high"],
    ["healthcare engagement", { industries: ["healthcare", "saas"] }, "high"],
    ["fintech and healthcare are one industry factor", { industries: ["fintech", "healthcare"] }, "high"],
    ["trigger resets is not write access", { accessLevel: "trigger_resets", industries: ["fintech"] }, "high"],
    ["card data + fintech", { dataCategories: ["payment_card"], industries: ["fintech"] }, "critical"],
    ["health data + billing write", { dataCategories: ["health"], accessLevel: "change_billing" }, "critical"],
    ["card + health data", { dataCategories: ["payment_card", "health"] }, "critical"],
    ["admin + healthcare", { accessLevel: "admin", industries: ["healthcare"] }, "critical"],
  ])("%s → %s", (_label, over, expected) => {
    expect(computeInherentTier(input(over)).tier).toBe(expected);
  });

  it("gives one human reason per elevating factor", () => {
    const result = computeInherentTier({
      dataCategories: ["payment_card", "health", "contact_pii"],
      accessLevel: "change_billing",
      industries: ["fintech", "healthcare"],
    });
    expect(result).toEqual({
      tier: "critical",
      reasons: [
        "handles payment card data",
        "handles health data",
        "can change billing or payment methods",
        "fintech and healthcare engagement",
      ],
    });
  });

  it("explains Moderate and Low", () => {
    expect(computeInherentTier(input({ dataCategories: ["contact_pii"], accessLevel: "trigger_resets" })).reasons).toEqual([
      "handles customer contact details",
      "can trigger password resets",
    ]);
    expect(computeInherentTier(base).reasons).toHaveLength(1);
  });
});

describe("effectiveTier", () => {
  const computed = computeInherentTier(input({ industries: ["fintech"] }));

  it("is the computed tier without an override", () => {
    expect(effectiveTier(computed)).toEqual({ tier: "high", computedTier: "high", overridden: false, reasons: ["fintech engagement"] });
  });

  it("ignores an override to the same tier", () => {
    expect(effectiveTier(computed, { tier: "high", reason: "confirmed by the security lead" }).overridden).toBe(false);
  });

  it("applies an override in either direction and puts its reason first", () => {
    const down = effectiveTier(computed, { tier: "moderate", reason: "no customer data reaches this team" });
    expect(down).toMatchObject({ tier: "moderate", computedTier: "high", overridden: true });
    expect(down.reasons[0]).toBe("overridden from High to Moderate: no customer data reaches this team");
    expect(effectiveTier(computed, { tier: "critical", reason: "board decision" }).tier).toBe("critical");
  });
});

describe("reviewCadenceMonths", () => {
  it.each<[Tier, number]>([
    ["critical", 3],
    ["high", 3],
    ["moderate", 12],
    ["low", 12],
  ])("%s → every %i months (quarterly for Critical/High, annual otherwise)", (tier, months) => {
    expect(reviewCadenceMonths(tier, DEFAULT_SETTINGS)).toBe(months);
  });

  it("reads the cadence from settings", () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, reviews: { cadenceElevatedMonths: 6, cadenceStandardMonths: 24 } };
    expect(reviewCadenceMonths("high", settings)).toBe(6);
    expect(reviewCadenceMonths("low", settings)).toBe(24);
  });
});

describe("insuranceMinimum", () => {
  const FIVE_MILLION = 5_000_000_00;
  const TWO_MILLION = 2_000_000_00;
  it.each<[Tier, TierInput["industries"], number, string]>([
    ["critical", ["saas"], FIVE_MILLION, "Critical tier"],
    ["high", ["ecommerce"], FIVE_MILLION, "High tier"],
    ["moderate", ["fintech"], FIVE_MILLION, "fintech engagement"],
    ["low", ["healthcare"], FIVE_MILLION, "healthcare engagement"],
    ["moderate", ["ecommerce", "saas"], TWO_MILLION, "Moderate tier"],
    ["low", ["gaming"], TWO_MILLION, "Low tier"],
  ])("%s with %j → %i minor units (%s)", (tier, industries, minimum, basis) => {
    expect(insuranceMinimum(tier, industries, DEFAULT_SETTINGS)).toEqual({
      minimumMinor: minimum,
      currency: "USD",
      elevated: minimum === FIVE_MILLION,
      basis,
    });
  });
});
