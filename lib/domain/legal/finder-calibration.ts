// The clause finder's confidence is a measured figure, not a formula: the
// share of its proposals that were right, per clause and score bucket, on the
// frozen test split of real contracts (tests/fixtures/contracts-real-labels/,
// measured by tests/unit/legal/real-contracts/accuracy.test.ts, which also
// prints the reliability table and fails when finder-calibration.json is
// stale). Laplace smoothing ((right + 1) / (n + 2)) keeps small samples
// honest: 3 of 3 right reads as 0.80, and nothing ever reads as 100%.
// Pure: no I/O.
import calibrationJson from "./finder-calibration.json";

/** Where a proposal's score sits against its clause's threshold. */
export const SCORE_BUCKETS = ["found_clear", "found_near", "by_reference", "absent_near", "absent_none"] as const;
export type ScoreBucket = (typeof SCORE_BUCKETS)[number];

/** A found clause scoring at least this multiple of its threshold is "clear". */
const CLEAR_RATIO = 1.5;

export function scoreBucket(p: { found: boolean; byReference?: boolean; score: number; threshold: number }): ScoreBucket {
  if (p.byReference) return "by_reference";
  if (p.found) return p.score >= p.threshold * CLEAR_RATIO ? "found_clear" : "found_near";
  return p.score > 0 ? "absent_near" : "absent_none";
}

export interface CalibrationCell {
  proposals: number;
  right: number;
}
export interface CalibrationTable {
  about: string;
  measuredOn: string;
  documents: number;
  /** clause code -> bucket -> counts; "*" pools every clause. */
  cells: Record<string, Partial<Record<ScoreBucket, CalibrationCell>>>;
}

export const FINDER_CALIBRATION = calibrationJson as CalibrationTable;

export function smoothedPrecision(cell: CalibrationCell): number {
  return (cell.right + 1) / (cell.proposals + 2);
}

/**
 * The measured share right for this clause and bucket; with no measurement
 * for the clause, the pooled figure for the bucket; with none at all, 0.5.
 */
export function calibratedConfidence(clauseCode: string, bucket: ScoreBucket, table: CalibrationTable = FINDER_CALIBRATION): number {
  const cell = table.cells[clauseCode]?.[bucket] ?? table.cells["*"]?.[bucket] ?? { proposals: 0, right: 0 };
  return Math.round(smoothedPrecision(cell) * 100) / 100;
}

/** What a confidence rests on: how many proposals were measured, and whether they were this clause's or every clause's pooled. */
export interface ConfidenceBasis {
  proposals: number;
  pooled: boolean;
}

export function confidenceBasis(clauseCode: string, bucket: ScoreBucket, table: CalibrationTable = FINDER_CALIBRATION): ConfidenceBasis {
  const own = table.cells[clauseCode]?.[bucket];
  return own ? { proposals: own.proposals, pooled: false } : { proposals: table.cells["*"]?.[bucket]?.proposals ?? 0, pooled: true };
}

/** Fewer of the clause's own proposals than this, and the figure says how few. */
const FEW = 5;

/**
 * What a reader should know before trusting the figure, in words, or "" when
 * it rests on enough of the clause's own proposals: that it is every clause's
 * pooled figure, or how few proposals it counts.
 */
export function confidenceCaveat(basis: ConfidenceBasis): string {
  if (basis.pooled) return "all clauses pooled";
  return basis.proposals < FEW ? `from ${basis.proposals} proposal${basis.proposals === 1 ? "" : "s"}` : "";
}

/** Counts outcomes into a table; `right` means the proposal agreed with the hand label. */
export function buildCalibration(
  outcomes: { clauseCode: string; bucket: ScoreBucket; right: boolean }[],
  meta: { measuredOn: string; documents: number },
): CalibrationTable {
  const cells: CalibrationTable["cells"] = {};
  const add = (code: string, bucket: ScoreBucket, right: boolean) => {
    const row = (cells[code] ??= {});
    const cell = (row[bucket] ??= { proposals: 0, right: 0 });
    cell.proposals += 1;
    if (right) cell.right += 1;
  };
  for (const o of outcomes) {
    add(o.clauseCode, o.bucket, o.right);
    add("*", o.bucket, o.right);
  }
  return {
    about: "Clause finder confidence: proposals right per clause and score bucket on the frozen real-contract test split. Written by tests/unit/legal/real-contracts/accuracy.test.ts (ASSAY_WRITE_CALIBRATION=1); do not edit by hand.",
    measuredOn: meta.measuredOn,
    documents: meta.documents,
    cells: Object.fromEntries(Object.keys(cells).sort().map((k) => [k, Object.fromEntries(SCORE_BUCKETS.filter((b) => cells[k]![b]).map((b) => [b, cells[k]![b]]))])),
  };
}
