import type { Severity } from "../vocabulary";

/**
 * One flag raised by a rule. Every finding says which rule fired, what value it
 * saw and the threshold it compared against, so a reviewer (and the PDF) can
 * explain it line by line (docs/rules.md, "Everything below is a default").
 */
export interface Finding {
  /** Stable machine code, e.g. "soc2.stale". Never reworded once shipped. */
  code: string;
  severity: Severity;
  /** Human sentence including the observed value and the threshold. */
  message: string;
  /** What the rule saw, formatted for people ("15 months since period end"). */
  observed?: string;
  /** What the rule required ("at most 14 months"). */
  threshold?: string;
  /** Where the rule comes from: standard or regulation. */
  source: string;
  /** The record the finding concerns, so the UI can link to it. */
  subject: { kind: string; id?: string; label?: string };
}

/**
 * A key unique to one finding of a list: its code and the record it concerns.
 * Many findings share a code (every unassessed control is "control.unknown"),
 * so a remediation item or a risk acceptance names the finding by this key.
 */
export function findingKey(f: Pick<Finding, "code" | "subject">): string {
  return [f.code, f.subject.kind, f.subject.id ?? f.subject.label ?? ""].join("|");
}
