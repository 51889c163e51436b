// Presence precision/recall, notification-hours exactness and excluded rights
// proposed as present: the clause finder measured against hand labels.
import { CLAUSE_CODES, type DocumentLabel } from "./corpus";

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface SplitFigures {
  documents: number;
  overall: Counts;
  byClause: Record<string, Counts>;
  hours: { stated: number; exact: number; misses: string[] };
  excludedAsPresent: string[];
  falsePositives: string[];
  falseNegatives: string[];
}

/** What is scored of a proposal: the finder's, or another labeller's read as one (agreement.ts). */
export interface ScoredProposal {
  clauseCode: string;
  found: boolean;
  byReference?: boolean;
  value?: { kind: string; hours?: number } | null;
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });

/** A clause counts as there when the document states it or incorporates it by reference. */
function labelledPresent(status: string): boolean {
  return status === "present" || status === "by_reference";
}

export function measure(docs: { label: DocumentLabel; proposals: ScoredProposal[] }[]): SplitFigures {
  const out: SplitFigures = {
    documents: docs.length,
    overall: zero(),
    byClause: Object.fromEntries(CLAUSE_CODES.map((c) => [c, zero()])),
    hours: { stated: 0, exact: 0, misses: [] },
    excludedAsPresent: [],
    falsePositives: [],
    falseNegatives: [],
  };
  for (const { label, proposals } of docs) {
    for (const code of CLAUSE_CODES) {
      const truth = label.clauses[code];
      const proposal = proposals.find((p) => p.clauseCode === code);
      if (!truth || !proposal) throw new Error(`${label.id}: no label or proposal for ${code}`);
      const actual = labelledPresent(truth.status);
      const proposed = proposal.found || proposal.byReference === true;
      const key = actual ? (proposed ? "tp" : "fn") : proposed ? "fp" : "tn";
      out.overall[key] += 1;
      out.byClause[code]![key] += 1;
      if (key === "fp") out.falsePositives.push(`${label.id} ${code}`);
      if (key === "fn") out.falseNegatives.push(`${label.id} ${code}`);
      if (truth.excluded && proposed) out.excludedAsPresent.push(`${label.id} ${code}`);
      if (code === "incident_notification" && truth.status === "present" && typeof truth.value?.hours === "number") {
        out.hours.stated += 1;
        const got = proposal.value?.kind === "hours" ? (proposal.value.hours ?? null) : null;
        if (got === truth.value.hours) out.hours.exact += 1;
        else out.hours.misses.push(`${label.id}: labelled ${truth.value.hours} h, proposed ${got ?? "none"}`);
      }
    }
  }
  return out;
}

export function precision(c: Counts): number | null {
  return c.tp + c.fp === 0 ? null : c.tp / (c.tp + c.fp);
}

export function recall(c: Counts): number | null {
  return c.tp + c.fn === 0 ? null : c.tp / (c.tp + c.fn);
}

const fmt = (n: number | null) => (n === null ? "  –  " : n.toFixed(2));

export function report(name: string, f: SplitFigures): string {
  const lines = [`${name}: ${f.documents} documents`, `  ${"clause".padEnd(30)} precision recall   tp  fp  fn`];
  const row = (label: string, c: Counts) =>
    `  ${label.padEnd(30)} ${fmt(precision(c)).padStart(9)} ${fmt(recall(c)).padStart(6)} ${String(c.tp).padStart(4)}${String(c.fp).padStart(4)}${String(c.fn).padStart(4)}`;
  lines.push(row("presence, micro-averaged", f.overall));
  for (const code of CLAUSE_CODES) lines.push(row(code, f.byClause[code]!));
  lines.push(`  notification hours exact: ${f.hours.exact} of ${f.hours.stated}`);
  for (const m of f.hours.misses) lines.push(`    miss ${m}`);
  lines.push(`  excluded rights proposed as present: ${f.excludedAsPresent.length}${f.excludedAsPresent.length ? ` (${f.excludedAsPresent.join(", ")})` : ""}`);
  if (f.falsePositives.length) lines.push(`  false positives: ${f.falsePositives.join(", ")}`);
  if (f.falseNegatives.length) lines.push(`  false negatives: ${f.falseNegatives.join(", ")}`);
  return lines.join("\n");
}
