import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import type { Finding } from "../finding";
import { computeInherentTier, effectiveTier, type EffectiveTier } from "../../vendors/tier";
import { isElevatedTier, type Severity, type Tier } from "../../vocabulary";

// What every rule module receives. A rule is a pure function of the dossier,
// the organisation's settings and "now"; adding a module (legal rules, say)
// means appending one function to FINDING_RULES in ../dossier-findings.ts.

export interface RuleContext {
  dossier: Dossier;
  settings: Settings;
  now: Date;
  tier: EffectiveTier;
  /** Critical/High: the strict evidence, insurance and cadence rules apply. */
  elevated: boolean;
}

export type FindingRule = (ctx: RuleContext) => Finding[];

export function makeRuleContext(dossier: Dossier, settings: Settings, now: Date): RuleContext {
  const tier = effectiveTier(computeInherentTier(dossier.profile), dossier.profile.tierOverride);
  return { dossier, settings, now, tier, elevated: isElevatedTier(tier.tier) };
}

/**
 * Severity of a missing or lapsed requirement, scaled by tier: it matters most
 * where the tier demands the evidence (docs/rules.md §1, "the tier sets the
 * evidence required").
 */
const GAP_SEVERITY: Record<Tier, Severity> = { critical: "high", high: "high", moderate: "medium", low: "low" };
export function gapSeverity(ctx: RuleContext): Severity {
  return GAP_SEVERITY[ctx.tier.tier];
}

/** One severity for Critical/High vendors, another for the rest. */
export function tierSeverity(ctx: RuleContext, elevated: Severity, otherwise: Severity): Severity {
  return ctx.elevated ? elevated : otherwise;
}

/** Latest record by a "YYYY-MM-DD" (or other sortable text) key. */
export function latestBy<T>(records: readonly T[], key: (record: T) => string | undefined): T | undefined {
  let best: T | undefined;
  let bestKey: string | undefined;
  for (const record of records) {
    const k = key(record);
    if (k === undefined) continue;
    if (bestKey === undefined || k > bestKey) {
      best = record;
      bestKey = k;
    }
  }
  return best;
}
