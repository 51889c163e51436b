import type { Dossier } from "@/lib/schemas/dossier";
import type { LegalDossier } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import type { Finding } from "../findings/finding";
import { legalContextFor } from "../legal/legal-context";
import type { LegalContext } from "../legal/legal-findings";
import { formatIsoDay } from "../dates";
import { computeInherentTier, effectiveTier, insuranceMinimum, type EffectiveTier, type InsuranceMinimum } from "../vendors/tier";
import { isElevatedTier } from "../vocabulary";

/** What every check family receives; built once per scoreVendor call. */
export interface ScoringContext {
  dossier: Dossier;
  settings: Settings;
  now: Date;
  tier: EffectiveTier;
  elevated: boolean;
  /** The legal review, or undefined when the dossier carries none (every legal check is then unknown). */
  legal: LegalDossier | undefined;
  legalContext: LegalContext;
  insurance: InsuranceMinimum;
  /** Every finding for the dossier (findings engine plus legal findings). */
  findings: readonly Finding[];
  /** "YYYY-MM-DD" of now (UTC), for comparisons with stored calendar days. */
  today: string;
}

/**
 * The legal review of a dossier. The schema requires it, but a frozen
 * snapshot taken before the legal section existed has none, and "no legal
 * review" must score as unknown rather than crash.
 */
export function legalOf(dossier: Dossier): LegalDossier | undefined {
  const legal = (dossier as unknown as { legal?: LegalDossier | null }).legal;
  return legal ?? undefined;
}

export function tierOf(dossier: Dossier): EffectiveTier {
  return effectiveTier(computeInherentTier(dossier.profile), dossier.profile.tierOverride);
}

export function makeScoringContext(dossier: Dossier, settings: Settings, now: Date, findings: readonly Finding[]): ScoringContext {
  const tier = tierOf(dossier);
  return {
    dossier,
    settings,
    now,
    tier,
    elevated: isElevatedTier(tier.tier),
    legal: legalOf(dossier),
    legalContext: legalContextFor(dossier, settings, tier.tier),
    insurance: insuranceMinimum(tier.tier, dossier.profile.industries, settings),
    findings,
    today: formatIsoDay(now),
  };
}
