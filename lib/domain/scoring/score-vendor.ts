import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import type { Finding } from "../findings/finding";
import { capsFor, CAP_LABELS } from "./caps";
import { assuranceChecks } from "./checks/assurance";
import { remoteSiteChecks } from "./checks/access";
import { controlChecks } from "./checks/controls";
import { financialChecks } from "./checks/financial";
import { humanChecks } from "./checks/human";
import { legalChecks } from "./checks/legal";
import type { CheckFamily } from "./checks/make-check";
import { makeScoringContext } from "./context";
import { SCORING_DOMAINS, SCORING_DOMAIN_LABELS } from "./domains";
import { FLOAT_TOLERANCE, formatLimit, formatPoints, formatScore } from "./format";
import { ratingFor } from "./rating";
import { SCORING_MODEL_VERSION, type DomainScore, type ScoreCheck, type ScoreResult } from "./types";
import { vendorFindingsFor } from "../findings/vendor-findings";

// The explainable score (docs/rules.md §8; docs/scoring.md). Pure and
// deterministic: the same dossier, settings and `now` always give the same
// result, field for field.

const CHECK_FAMILIES: readonly CheckFamily[] = [assuranceChecks, legalChecks, controlChecks, remoteSiteChecks, humanChecks, financialChecks];

export interface ScoreOptions {
  /**
   * The vendor's findings, when the caller already has them (they must be
   * vendorFindingsFor(dossier, settings, now, workflow), whose workflow
   * findings such as overdue remediation or an expired risk acceptance the
   * domain cannot load itself); computed without workflow data otherwise.
   * Only the blocker and high findings matter to the score (the ceilings).
   */
  findings?: readonly Finding[];
}

export function scoreVendor(dossier: Dossier, settings: Settings, now: Date, options: ScoreOptions = {}): ScoreResult {
  const findings = options.findings ?? vendorFindingsFor(dossier, settings, now);
  const ctx = makeScoringContext(dossier, settings, now, findings);
  // Plain loops: Array#flatMap is markedly slower than push in V8, and this runs once per vendor scored.
  const byDomain = emptyGroups();
  for (const family of CHECK_FAMILIES) for (const check of family(ctx)) byDomain[check.domain].push(check);
  const checks: ScoreCheck[] = [];
  for (const key of SCORING_DOMAINS) for (const check of byDomain[key]) checks.push(check);
  const domains = SCORING_DOMAINS.map((key) => domainScore(key, byDomain[key], settings.scoring.weights[key]));

  const included = domains.filter((d) => d.included);
  const totalWeight = included.reduce((sum, d) => sum + d.weight, 0);
  const weightedSum = included.reduce((sum, d) => sum + d.contribution, 0);
  // Weighted mean of the domain scores; with every domain included the weights sum to 100 and this is the plain sum.
  const overall = totalWeight > 0 ? clampScore((weightedSum * 100) / totalWeight) : 0;

  const caps = capsFor(ctx, overall);
  const final = caps.reduce((score, cap) => (cap.triggered ? Math.min(score, cap.limit) : score), overall);
  const rating = ratingFor(final, settings.scoring.bands);

  const arithmetic: string[] = [];
  for (const d of domains) {
    arithmetic.push(
      d.included
        ? `${d.label}: ${formatPoints(d.earned)} of ${d.checksCounted} points = ${formatScore(d.score!)}`
        : `${d.label}: no applicable checks, excluded`,
    );
  }
  for (const d of included) arithmetic.push(`${d.label} ${formatLimit(d.weight)} × ${formatScore(d.score!)} = ${formatScore(d.contribution)}`);
  arithmetic.push(`Sum of weighted scores = ${formatScore(weightedSum)}`);
  // Weights with a decimal (33.3 + 33.3 + 33.4) add up to 100 only within floating point noise.
  if (Math.abs(totalWeight - 100) > FLOAT_TOLERANCE) {
    arithmetic.push(
      totalWeight > 0
        ? `Weights renormalised over ${formatLimit(totalWeight)}: ${formatScore(weightedSum)} × 100 / ${formatLimit(totalWeight)} = ${formatScore(overall)}`
        : "No domain with applicable checks carries weight: overall = 0.0",
    );
  }
  for (const cap of caps.filter((c) => c.triggered)) {
    arithmetic.push(`Cap: ${CAP_LABELS[cap.code]} → ${formatLimit(cap.limit)}${cap.lowered ? "" : ` (score already at or below ${formatLimit(cap.limit)}; no change)`}${triggeredBy(cap)}`);
  }
  arithmetic.push(`Final ${formatScore(final)} → ${rating.shortLabel}`);

  return {
    modelVersion: SCORING_MODEL_VERSION,
    scoredAt: now.toISOString(),
    tier: ctx.tier.tier,
    checks,
    domains,
    totalWeight,
    overall,
    caps,
    final,
    rating,
    arithmetic,
  };
}

/** " (triggered by 2 findings: …; …)": the ceiling names what caused it. */
function triggeredBy(cap: ScoreResult["caps"][number]): string {
  const found = cap.findings ?? [];
  if (found.length === 0) return "";
  return ` (triggered by ${found.length === 1 ? "1 finding" : `${found.length} findings`}: ${found.map((f) => f.message.replace(/\.$/, "")).join("; ")})`;
}

/** One list of checks per domain, filled in the order the families produce them. */
function emptyGroups(): Record<DomainScore["key"], ScoreCheck[]> {
  return { assurance: [], contractual: [], dataProtection: [], accessEndpoint: [], humanProtocols: [], financial: [] };
}

/**
 * Mean of the applicable checks × 100. A domain where nothing applies is
 * excluded and the other weights are renormalised (docs/scoring.md, "Domain
 * scores"). Assurance, contractual, human protocols and financial always have
 * a check that is never "not applicable"; data protection and access &
 * endpoint can only be emptied by explicit "not applicable" answers.
 */
function domainScore(key: DomainScore["key"], checks: readonly ScoreCheck[], weight: number): DomainScore {
  let counted = 0;
  let earned = 0;
  for (const c of checks) {
    if (c.points === null) continue;
    counted += 1;
    earned += c.points;
  }
  const included = counted > 0;
  const score = included ? (earned / counted) * 100 : null;
  return {
    key,
    label: SCORING_DOMAIN_LABELS[key],
    weight,
    checksCounted: counted,
    earned,
    score,
    contribution: score === null ? 0 : (weight * score) / 100,
    included,
  };
}

function clampScore(n: number): number {
  return Math.min(100, Math.max(0, n));
}
