import { formatLimit, formatPoints, formatScore } from "../scoring/format";
import type { ScoreResult } from "../scoring/types";

// The score arithmetic as a committee reads it (docs/rules.md §8): every
// number carries its unit (checks' points, a score out of 100, a weight in
// per cent, points of the overall score) and intermediate values are rounded
// to the nearest tenth, never cut, so each line checks out with a pocket
// calculator. Only the final score is rounded down, as everywhere else in the
// app, so it never shows in a better band than it is in; the line says so
// when that makes a difference. Built from the frozen numbers, not from the
// scorer's own text lines.

export interface ArithmeticLine {
  /** What is computed: "Access & endpoint: 4.5 of 100 × 15% weight". */
  left: string;
  /** Its result with a unit: "= 0.7 points". */
  right: string;
  /** A total or the final line, printed in bold. */
  total?: boolean;
}

/** Nearest tenth, halves up: 0.675 → "0.7", 4.545 → "4.5". */
export function roundTenth(value: number): string {
  return (Math.round(value * 10 + 1e-9) / 10).toFixed(1);
}

export function committeeArithmetic(score: ScoreResult): ArithmeticLine[] {
  const lines: ArithmeticLine[] = [];
  for (const d of score.domains) {
    lines.push(
      d.included && d.score !== null
        ? { left: `${d.label}: ${formatPoints(d.earned)} of ${d.checksCounted} check points`, right: `= ${roundTenth(d.score)} out of 100` }
        : { left: `${d.label}: no applicable checks`, right: "excluded" },
    );
  }
  const included = score.domains.filter((d) => d.included && d.score !== null);
  for (const d of included) {
    lines.push({ left: `${d.label}: ${roundTenth(d.score ?? 0)} of 100 × ${formatLimit(d.weight)}% weight`, right: `= ${roundTenth(d.contribution)} points` });
  }
  const weightedSum = included.reduce((sum, d) => sum + d.contribution, 0);
  lines.push({ left: "Weighted total", right: `= ${roundTenth(weightedSum)} points out of ${formatLimit(score.totalWeight)}`, total: true });
  if (Math.abs(score.totalWeight - 100) > 1e-9 && score.totalWeight > 0) {
    lines.push({ left: `Rescaled to 100: ${roundTenth(weightedSum)} × 100 / ${formatLimit(score.totalWeight)}`, right: `= ${roundTenth(score.overall)} out of 100` });
  }
  for (const cap of score.caps.filter((c) => c.triggered)) {
    lines.push({
      left: `Ceiling: ${cap.label}`,
      right: cap.lowered ? `at most ${formatLimit(cap.limit)}: applied` : `at most ${formatLimit(cap.limit)}: no change`,
    });
  }
  const shown = formatScore(score.final);
  const note = roundTenth(score.final) !== shown ? ", rounded down" : "";
  lines.push({ left: "Final", right: `${shown} → ${score.rating.label} (out of 100${note})`, total: true });
  return lines;
}
