import { ASSESSMENT_STATE_LABELS, type AssessmentState } from "@/lib/domain/assessments/assessment-workflow";
import { bandText } from "@/lib/domain/scoring/rating";
import { formatScore } from "@/lib/domain/scoring/format";
import type { RatingBand } from "@/lib/domain/scoring/types";

const STATE_CLASS: Record<AssessmentState, string> = {
  draft: "status-muted",
  in_review: "assess-state-review",
  approved: "status-ok",
  approved_with_conditions: "assess-state-conditions",
  rejected: "sev-blocker",
};

export function AssessmentStateBadge({ state, superseded = false }: { state: AssessmentState; superseded?: boolean }) {
  return (
    <span className={`badge ${STATE_CLASS[state]}`}>
      {ASSESSMENT_STATE_LABELS[state]}
      {superseded ? <span className="assess-superseded"> · superseded</span> : null}
    </span>
  );
}

export function RatingBadge({ band }: { band: string }) {
  const text = bandText(band as RatingBand);
  return (
    <span className={`badge assess-rating-${band}`} title={text ? `${text.label}: ${text.decision}` : band}>
      {text?.label ?? band}
    </span>
  );
}

/** The score as every screen and the PDF print it (rounded down to one decimal). */
export function ScoreBadge({ score }: { score: number }) {
  return (
    <span className="badge assess-score" aria-label={`Score ${formatScore(score)} out of 100`}>
      {formatScore(score)}
    </span>
  );
}
