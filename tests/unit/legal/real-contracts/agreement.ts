// How far two labellers of the same documents agree on whether each clause is
// there (present or by reference): the ceiling any finder is measured under.
// Test tooling only; the figures are in tests/fixtures/contracts-real-labels/README.md.
import { CLAUSE_CODES, type DocumentLabel } from "./corpus";
import { measure, type ScoredProposal, type SplitFigures } from "./measure";

export interface Agreement {
  documents: number;
  /** Clause decisions both labellers made. */
  decisions: number;
  agreed: number;
  /** Cohen's kappa on there / not there: agreement beyond what chance would give. */
  kappa: number | null;
  /** Each clause where they differ: "doc clause: first → second". */
  disagreements: string[];
  /** The second labeller scored like a finder against the first (measure.ts). */
  secondAgainstFirst: SplitFigures;
}

const there = (status: string) => status === "present" || status === "by_reference";

/** The second labeller's labels in the shape of finder proposals, so measure() can score them. */
export function labelsAsProposals(label: DocumentLabel): ScoredProposal[] {
  return CLAUSE_CODES.map((code) => {
    const c = label.clauses[code];
    if (!c) throw new Error(`${label.id}: no label for ${code}`);
    const hours = typeof c.value?.hours === "number" ? c.value.hours : null;
    return {
      clauseCode: code,
      found: c.status === "present",
      byReference: c.status === "by_reference",
      value: c.status === "present" && hours !== null ? { kind: "hours", hours } : null,
    };
  });
}

export function cohenKappa(pairs: [boolean, boolean][]): number | null {
  if (pairs.length === 0) return null;
  const n = pairs.length;
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const firstYes = pairs.filter(([a]) => a).length / n;
  const secondYes = pairs.filter(([, b]) => b).length / n;
  const chance = firstYes * secondYes + (1 - firstYes) * (1 - secondYes);
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

/** Compares the documents both sets label; a document only one of them labels is an error. */
export function compareLabels(first: DocumentLabel[], second: DocumentLabel[]): Agreement {
  if (second.length !== first.length) throw new Error("the two label sets cover different documents");
  const byId = new Map(second.map((l) => [l.id, l]));
  const pairs: [boolean, boolean][] = [];
  const disagreements: string[] = [];
  const scored = first.map((a) => {
    const b = byId.get(a.id);
    if (!b) throw new Error(`${a.id}: not labelled by the second labeller`);
    for (const code of CLAUSE_CODES) {
      const [sa, sb] = [a.clauses[code]!.status, b.clauses[code]!.status];
      pairs.push([there(sa), there(sb)]);
      if (there(sa) !== there(sb)) disagreements.push(`${a.id} ${code}: ${sa} → ${sb}`);
    }
    return { label: a, proposals: labelsAsProposals(b) };
  });
  return {
    documents: first.length,
    decisions: pairs.length,
    agreed: pairs.filter(([x, y]) => x === y).length,
    kappa: cohenKappa(pairs),
    disagreements,
    secondAgainstFirst: measure(scored),
  };
}
