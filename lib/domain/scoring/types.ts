import type { Finding } from "../findings/finding";
import type { Tier } from "../vocabulary";
import type { ScoringDomainKey } from "@/lib/schemas/settings";

// The shape of a score (docs/rules.md §8). Everything here is plain JSON so an
// assessment can freeze it as a snapshot and the PDF can print it later
// without recomputing anything.

/** Bumped whenever a check, a cap or the arithmetic changes meaning, so a frozen score says which rules made it. */
export const SCORING_MODEL_VERSION = 2;

export const CHECK_RESULTS = ["pass", "partial", "fail", "unknown", "not_applicable"] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
export const CHECK_RESULT_LABELS: Record<CheckResult, string> = {
  pass: "Pass",
  partial: "Partial",
  fail: "Fail",
  unknown: "Unknown",
  not_applicable: "Not applicable",
};

export type CheckPoints = 1 | 0.5 | 0 | null;

/** docs/rules.md §8: pass 1, partial 0.5, fail or unknown 0; not applicable is left out of the mean. */
export const CHECK_POINTS: Record<CheckResult, CheckPoints> = {
  pass: 1,
  partial: 0.5,
  fail: 0,
  unknown: 0,
  not_applicable: null,
};

export interface ScoreCheck {
  domain: ScoringDomainKey;
  /** Stable machine code, e.g. "assurance.soc2_type2_current" or "control.access.mfa_everywhere". */
  code: string;
  title: string;
  result: CheckResult;
  points: CheckPoints;
  /** What the check saw, for people ("Type II, 5 months since period end"). */
  observed: string;
  /** What it required ("a Type II report whose period ended at most 14 months ago"). */
  threshold: string;
  /** One sentence with the rule, the observed value and the threshold. */
  reason: string;
  /** Standard, regulation or organisation policy the rule comes from. */
  source: string;
  /** The record the check judged, when there is one. */
  subject?: { kind: string; id?: string; label?: string };
}

export interface DomainScore {
  key: ScoringDomainKey;
  label: string;
  /** The organisation's weight for the domain (settings.scoring.weights), 0-100. */
  weight: number;
  /** Checks that count: every check except the not-applicable ones. */
  checksCounted: number;
  /** Sum of the points of the counted checks. */
  earned: number;
  /** earned / checksCounted × 100, full precision; null when no check applies (the domain is then excluded). */
  score: number | null;
  /** weight × score / 100, full precision; 0 when excluded. */
  contribution: number;
  included: boolean;
}

export type CapCode = "no_assurance" | "blocker" | "high_finding";

export interface CapResult {
  code: CapCode;
  label: string;
  /** The ceiling from settings.scoring.caps. */
  limit: number;
  triggered: boolean;
  /** True when the cap actually lowered the score (triggered and the score was above it). */
  lowered: boolean;
  reason: string;
  /** The findings that triggered the ceiling (empty when it did not apply). */
  findings?: { code: string; message: string; subject?: Finding["subject"] }[];
}

export const RATING_BANDS = ["low", "medium", "high", "critical"] as const;
export type RatingBand = (typeof RATING_BANDS)[number];

export interface Rating {
  band: RatingBand;
  /** "Low residual risk", "Medium", "High", "Critical". */
  label: string;
  /** Short form for the arithmetic line: "Low", "Medium", "High", "Critical". */
  shortLabel: string;
  /** What the band means for the decision: "Approve", "Approve with conditions"… */
  decision: string;
  /** The band's lower bound (settings.scoring.bands), 0 for critical. */
  from: number;
}

export interface ScoreResult {
  modelVersion: number;
  /** The instant the score was computed for (ISO 8601). */
  scoredAt: string;
  tier: Tier;
  checks: ScoreCheck[];
  domains: DomainScore[];
  /** Sum of the included domains' weights (100 unless a domain was excluded). */
  totalWeight: number;
  /** Weighted mean of the included domain scores, before caps; full precision. */
  overall: number;
  caps: CapResult[];
  /** The overall score after caps; full precision. Display it with formatScore(). */
  final: number;
  rating: Rating;
  /** Lines the UI and the PDF print verbatim, in order. */
  arithmetic: string[];
}
