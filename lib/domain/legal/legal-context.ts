// The vendor facts the legal rules need, read off a Dossier: the tier
// (with any override), data categories, industries, delivery sites and the
// insurance minimum a liability cap is compared with. The findings engine,
// the Legal tab and the clause form all build it here, so the status a
// reviewer sees while typing is the one the engine computes.
import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import { computeInherentTier, effectiveTier, insuranceMinimum } from "../vendors/tier";
import type { Tier } from "../vocabulary";
import type { LegalContext } from "./legal-findings";

export function legalContextFor(dossier: Pick<Dossier, "profile" | "sites">, settings: Settings, tier?: Tier): LegalContext {
  const profile = dossier.profile;
  const effective = tier ?? effectiveTier(computeInherentTier(profile), profile.tierOverride).tier;
  // docs/rules.md §3-4: the cap is judged against the per-occurrence insurance minimum for this tier and industry.
  const minimum = insuranceMinimum(effective, profile.industries, settings);
  return {
    tier: effective,
    dataCategories: profile.dataCategories,
    industries: profile.industries,
    sites: dossier.sites.map((s) => ({ id: s.id, country: s.country, city: s.city })),
    insuranceMinimumMinor: minimum.minimumMinor,
    currency: minimum.currency,
  };
}
