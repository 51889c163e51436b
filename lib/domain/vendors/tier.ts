import type { Settings } from "@/lib/schemas/settings";
import {
  isElevatedTier,
  TIER_LABELS,
  type AccessLevel,
  type DataCategory,
  type Industry,
  type Tier,
} from "../vocabulary";

// Inherent risk tier (docs/rules.md §1). The tier drives the evidence required,
// the insurance minimum and the review cadence, so the reasons are kept as
// human phrases that the profile page and the PDF can show verbatim.

/** The profile fields the tier depends on; a form draft or a stored profile both fit. */
export interface TierInput {
  dataCategories: readonly DataCategory[];
  accessLevel: AccessLevel;
  industries: readonly Industry[];
}

export interface TierAssessment {
  tier: Tier;
  reasons: string[];
}

export interface TierOverride {
  tier: Tier;
  reason: string;
}

export interface EffectiveTier {
  tier: Tier;
  computedTier: Tier;
  overridden: boolean;
  reasons: string[];
}

/** Industries whose engagements are sensitive by nature (docs/rules.md §1, §3). */
export const SENSITIVE_INDUSTRIES: readonly Industry[] = ["fintech", "healthcare"];

/**
 * Access levels that count as "write access to billing/auth". trigger_resets
 * does not: docs/rules.md names "trigger a reset email, never see credentials" as
 * the least-privilege pattern for reset agents, so it is the safe form of reset
 * ability. It still makes the vendor at least Moderate.
 */
const WRITE_ACCESS_REASONS: Partial<Record<AccessLevel, string>> = {
  change_billing: "can change billing or payment methods",
  admin: "has admin access",
};

const PERSONAL_DATA_REASONS: Record<DataCategory, string> = {
  contact_pii: "handles customer contact details",
  credentials_reset: "handles account credentials or reset ability",
  payment_card: "handles payment card data",
  health: "handles health data",
  eu_personal: "handles EU residents' personal data",
  california_personal: "handles California residents' personal data",
  india_personal: "handles Indian residents' personal data",
};

/**
 * docs/rules.md §1: payment card data, health data, write access to billing/auth,
 * or a fintech/healthcare engagement → at least High; two or more → Critical.
 * These are counted as four factors: card data, health data, write access and
 * sensitive industry (fintech and healthcare together are one factor, the
 * engagement's sector). Otherwise Moderate when the vendor touches any
 * personal data or can trigger resets, Low when it has neither.
 */
export function computeInherentTier(profile: TierInput): TierAssessment {
  const elevating: string[] = [];
  if (profile.dataCategories.includes("payment_card")) elevating.push(PERSONAL_DATA_REASONS.payment_card);
  if (profile.dataCategories.includes("health")) elevating.push(PERSONAL_DATA_REASONS.health);
  const writeAccess = WRITE_ACCESS_REASONS[profile.accessLevel];
  if (writeAccess) elevating.push(writeAccess);
  const sensitive = SENSITIVE_INDUSTRIES.filter((i) => profile.industries.includes(i));
  if (sensitive.length > 0) elevating.push(`${sensitive.join(" and ")} engagement`);

  if (elevating.length >= 2) return { tier: "critical", reasons: elevating };
  if (elevating.length === 1) return { tier: "high", reasons: elevating };

  const moderate = profile.dataCategories.map((c) => PERSONAL_DATA_REASONS[c]);
  if (profile.accessLevel === "trigger_resets") moderate.push("can trigger password resets");
  if (moderate.length > 0) return { tier: "moderate", reasons: moderate };
  return { tier: "low", reasons: ["no personal data, no reset or write access, no fintech or healthcare engagement"] };
}

/**
 * The tier that applies. An override wins in either direction (a reviewer may
 * know the vendor better than the profile does); its mandatory reason is shown
 * first so nobody mistakes it for the computed tier.
 */
export function effectiveTier(computed: TierAssessment, override?: TierOverride | null): EffectiveTier {
  if (!override || override.tier === computed.tier) {
    return { tier: computed.tier, computedTier: computed.tier, overridden: false, reasons: computed.reasons };
  }
  return {
    tier: override.tier,
    computedTier: computed.tier,
    overridden: true,
    reasons: [
      `overridden from ${TIER_LABELS[computed.tier]} to ${TIER_LABELS[override.tier]}: ${override.reason}`,
      ...computed.reasons,
    ],
  };
}

/** Months between assessments: quarterly for Critical/High, annual otherwise (docs/rules.md §1). */
export function reviewCadenceMonths(tier: Tier, settings: Settings): number {
  return isElevatedTier(tier) ? settings.reviews.cadenceElevatedMonths : settings.reviews.cadenceStandardMonths;
}

export interface InsuranceMinimum {
  minimumMinor: number;
  currency: string;
  elevated: boolean;
  /** Why this minimum applies, e.g. "Critical tier" or "fintech engagement". */
  basis: string;
}

/**
 * Per-occurrence cyber insurance minimum (docs/rules.md §3): the
 * elevated amount for Critical/High or any fintech/healthcare-adjacent
 * engagement, the standard amount otherwise.
 */
export function insuranceMinimum(tier: Tier, industries: readonly Industry[], settings: Settings): InsuranceMinimum {
  const currency = settings.insurance.currency;
  const sensitive = SENSITIVE_INDUSTRIES.filter((i) => industries.includes(i));
  if (isElevatedTier(tier)) {
    return { minimumMinor: settings.insurance.minimumElevatedMinor, currency, elevated: true, basis: `${TIER_LABELS[tier]} tier` };
  }
  if (sensitive.length > 0) {
    return {
      minimumMinor: settings.insurance.minimumElevatedMinor,
      currency,
      elevated: true,
      basis: `${sensitive.join(" and ")} engagement`,
    };
  }
  return { minimumMinor: settings.insurance.minimumStandardMinor, currency, elevated: false, basis: `${TIER_LABELS[tier]} tier` };
}
