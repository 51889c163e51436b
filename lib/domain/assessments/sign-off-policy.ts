import { REVIEW_DECISIONS, SIGN_OFF_DECISION_LABELS, type ReviewDecision } from "./assessment-workflow";
import { formatDayForPeople } from "../dates";
import { findingKey, type Finding } from "../findings/finding";
import { findingsNeedingAcceptance, isRiskAcceptanceExpired } from "./risk-acceptance";
import { bandText } from "../scoring/rating";
import type { RatingBand } from "../scoring/types";

// The band bounds the sign-off (docs/assessments.md, "What the rating
// allows"; docs/rules.md §9). Pure, so the sign-off form shows exactly the
// rule the server enforces:
// - a snapshot older than the dossier can only be rejected ("re-assess first");
// - Low allows any decision;
// - Medium refuses a plain approve, and an approval with conditions needs a
//   remediation item for every open high (or blocker) finding;
// - High needs a recorded risk acceptance, in force, accepting every open
//   blocker and high finding;
// - Critical allows only reject;
// - below Low, every decision other than reject needs a written comment, so
//   nobody approves a risky vendor without a word.

export interface SignOffContext {
  /** The frozen rating of the assessment. */
  band: RatingBand;
  /** The dossier or the settings changed after the snapshot. */
  stale: boolean;
  /** The frozen findings of the assessment. */
  findings: readonly Finding[];
  /** The newest risk acceptance recorded on this assessment, if any. */
  riskAcceptance: { findings: readonly { key: string }[]; expiresOn: string } | null;
  now: Date;
}

export interface DecisionAllowance {
  decision: ReviewDecision;
  allowed: boolean;
  /** Why it is refused, or what it needs ("" when nothing). */
  reason: string;
}

export interface SignOffRequest {
  decision: ReviewDecision;
  comment: string;
  /** Finding keys the conditions of the sign-off remedy. */
  conditionFindingKeys: readonly string[];
}

export type SignOffCheck = { ok: true } | { ok: false; field: "decision" | "comment" | "conditions"; reason: string };

/** Open findings a Medium approval must cover with remediation items. */
export function findingsNeedingRemediation(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "blocker" || f.severity === "high");
}

function ratingName(band: RatingBand): string {
  return `${bandText(band).label} rating`;
}

/** Why a risk acceptance does not (yet) allow approving a High rating, or null when it does. */
function acceptanceGap(ctx: SignOffContext): string | null {
  const a = ctx.riskAcceptance;
  if (!a) return "A High rating can only be approved with a recorded risk acceptance (admin or security).";
  if (isRiskAcceptanceExpired(a, ctx.now)) return `The risk acceptance expired on ${formatDayForPeople(a.expiresOn)}; record a new one first.`;
  const accepted = new Set(a.findings.map((f) => f.key));
  const missing = findingsNeedingAcceptance(ctx.findings).filter((f) => !accepted.has(findingKey(f)));
  if (missing.length > 0) return `The risk acceptance does not cover ${missing.length === 1 ? "1 open finding" : `${missing.length} open findings`}: ${missing.map((f) => f.message).join(" ")}`;
  return null;
}

function allowance(ctx: SignOffContext, decision: ReviewDecision): DecisionAllowance {
  const refuse = (reason: string): DecisionAllowance => ({ decision, allowed: false, reason });
  const allow = (reason = ""): DecisionAllowance => ({ decision, allowed: true, reason });
  if (decision === "reject") return allow();
  if (ctx.stale) return refuse("The dossier changed after this snapshot: re-assess first. Only a reject can be recorded on it.");
  switch (ctx.band) {
    case "low":
      return allow();
    case "critical":
      return refuse("A Critical rating allows only a reject.");
    case "medium": {
      if (decision === "approve") return refuse("A Medium rating cannot be approved without conditions: approve with conditions instead.");
      const n = findingsNeedingRemediation(ctx.findings).length;
      return allow(n > 0 ? `Needs a remediation item for each of the ${n === 1 ? "open high finding" : `${n} open high findings`}, and a comment.` : "Needs a comment.");
    }
    case "high": {
      const gap = acceptanceGap(ctx);
      return gap ? refuse(gap) : allow("Covered by the recorded risk acceptance; needs a comment.");
    }
  }
}

/** Every decision with whether the band allows it, and why not. */
export function allowedDecisions(ctx: SignOffContext): DecisionAllowance[] {
  return REVIEW_DECISIONS.map((d) => allowance(ctx, d));
}

/** The server's check of one sign-off against the band (the form runs the same rule). */
export function checkSignOff(ctx: SignOffContext, request: SignOffRequest): SignOffCheck {
  const a = allowance(ctx, request.decision);
  if (!a.allowed) return { ok: false, field: "decision", reason: `${SIGN_OFF_DECISION_LABELS[request.decision]} is not possible: ${a.reason}` };
  if (request.decision !== "reject" && ctx.band !== "low" && request.comment.trim().length === 0) {
    return { ok: false, field: "comment", reason: `Explain the decision: the assessment carries a ${ratingName(ctx.band)}.` };
  }
  if (ctx.band === "medium" && request.decision === "approve_with_conditions") {
    const covered = new Set(request.conditionFindingKeys);
    const uncovered = findingsNeedingRemediation(ctx.findings).filter((f) => !covered.has(findingKey(f)));
    if (uncovered.length > 0) {
      return {
        ok: false,
        field: "conditions",
        reason: `Add a condition for every open high finding; ${uncovered.length === 1 ? "1 is" : `${uncovered.length} are`} not covered: ${uncovered.map((f) => f.message).join(" ")}`,
      };
    }
  }
  return { ok: true };
}
