import type { AssessmentState, SignOffDecision, SignOffRole } from "./assessment-workflow";
import { SIGN_OFF_ROLE_LABELS } from "./assessment-workflow";
import { formatDayForPeople, formatIsoDay, type DayInput } from "../dates";
import type { Finding } from "../findings/finding";
import type { CapResult, Rating } from "../scoring/types";

// The written recommendation on page 1 (docs/rules.md §8-9): what the band
// allows, why (the ceilings that fired and the findings behind them), what the
// sign-offs so far said, and whether the snapshot can still be relied on.
// Written against Rating and CapResult only, so any ceiling the scorer adds
// is explained here without a change.

export interface Recommendation {
  /** "Approve with conditions", "Reject", "Re-assess first". */
  verdict: string;
  /** The sentences under it, in reading order. */
  sentences: string[];
}

export interface RecommendationInput {
  rating: Rating;
  caps: readonly CapResult[];
  findings: readonly Finding[];
  signOffs: readonly { role: SignOffRole; decision: SignOffDecision; comment: string }[];
  remediation: readonly { findingCode?: string | null; dueDate: DayInput; status: string }[];
  state: AssessmentState;
  /** The dossier changed after this snapshot was taken. */
  stale: boolean;
}

const VERDICT: Record<Rating["band"], string> = {
  low: "Approve",
  medium: "Approve with conditions",
  high: "Approve only with a recorded risk acceptance",
  critical: "Reject",
};

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function recommendationFor(input: RecommendationInput): Recommendation {
  const { rating, findings } = input;
  const blockers = findings.filter((f) => f.severity === "blocker");
  const highs = findings.filter((f) => f.severity === "high");
  const sentences: string[] = [];
  const fired = input.caps.filter((c) => c.triggered);

  switch (rating.band) {
    case "critical":
      sentences.push(`The vendor is rated ${rating.label}; the policy for this band is to reject.`);
      break;
    case "high":
      sentences.push(
        `The vendor is rated ${rating.label}. Approval needs a risk acceptance recorded by an admin or security lead, naming the findings accepted and an expiry date${blockers.length > 0 ? `: ${count(blockers.length, "blocker")} ${blockers.length === 1 ? "is" : "are"} open` : ""}.`,
      );
      break;
    case "medium": {
      const open = input.remediation.filter((r) => r.status === "open" || r.status === "in_progress");
      const covering = open.filter((r) => r.findingCode && highs.some((h) => h.code === r.findingCode));
      const latest = covering.map((r) => formatIsoDay(r.dueDate)).sort().at(-1);
      sentences.push(
        highs.length === 0
          ? `The vendor is rated ${rating.label}: approve with conditions, each with an owner and a due date.`
          : latest
            ? `${count(highs.length, "high finding")} must be remediated by ${formatDayForPeople(latest)}.`
            : `${count(highs.length, "high finding")} must each get a remediation item with an owner and a due date before approval.`,
      );
      break;
    }
    case "low": {
      const mediums = findings.filter((f) => f.severity === "medium").length;
      sentences.push(`The vendor is rated ${rating.label}.${mediums > 0 ? ` ${count(mediums, "medium finding")} should be followed up at the next review.` : ""}`);
      break;
    }
  }

  if (rating.band === "critical" || rating.band === "high") {
    const open = [blockers.length > 0 ? count(blockers.length, "blocker") : "", highs.length > 0 ? count(highs.length, "high finding") : ""].filter(Boolean);
    if (open.length > 0) sentences.push(`Open: ${listInWords(open)}; the findings section lists each with what was seen and what is required.`);
  }
  const lowered = fired.filter((c) => c.lowered);
  if (lowered.length > 0) {
    sentences.push(`The score is held down by ${listInWords(lowered.map((c) => c.label))}: the average of the other checks does not outweigh ${lowered.length === 1 ? "it" : "them"}.`);
  }

  const decided = input.signOffs.filter((s) => s.decision !== "submit");
  for (const s of decided) {
    const who = SIGN_OFF_ROLE_LABELS[s.role];
    const word = s.decision === "reject" ? "rejected" : s.decision === "approve" ? "approved" : "approved with conditions";
    const blank = s.comment.trim() === "" ? " without a comment" : "";
    const against = s.decision !== "reject" && (rating.band === "critical" || (s.decision === "approve" && rating.band !== "low")) ? `, although the rating calls for "${VERDICT[rating.band].toLowerCase()}"` : "";
    sentences.push(`${who} ${word}${blank}${against}.`);
  }
  if (input.state === "in_review" && decided.length === 0) sentences.push("No reviewer has signed off yet.");

  if (input.stale) {
    sentences.unshift("The dossier has changed since this snapshot: re-assess before deciding; until then only a rejection stands.");
    return { verdict: rating.band === "critical" ? "Reject" : "Re-assess first", sentences };
  }
  return { verdict: VERDICT[rating.band], sentences };
}
