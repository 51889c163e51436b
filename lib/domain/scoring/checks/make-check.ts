import type { ScoringDomainKey } from "@/lib/schemas/settings";
import { CHECK_POINTS, type CheckResult, type ScoreCheck } from "../types";
import type { ScoringContext } from "../context";

export type CheckFamily = (ctx: ScoringContext) => ScoreCheck[];

/** What a check is, whatever it finds: each family builds one per rule. */
export interface CheckBase {
  domain: ScoringDomainKey;
  code: string;
  title: string;
  source: string;
  threshold: string;
  subject?: ScoreCheck["subject"];
}

/** Per-outcome overrides of the base. */
export interface CheckExtra {
  threshold?: string;
  subject?: ScoreCheck["subject"];
  /** Extra words after the standard sentence (a reviewer's note, the deviation rule's reason). */
  note?: string;
}

const UNKNOWN_NOTE = " Unknown evidence counts as a fail.";
const NOT_APPLICABLE_NOTE = " Not applicable: left out of the domain's mean.";

/**
 * One check with its points and a reason built the same way everywhere:
 * "<title>: <observed>; required <threshold>." so every line of the score
 * names what was seen and what the rule asked for.
 *
 * Takes the base and the outcome as separate arguments instead of one
 * spread object literal: object spread is far slower than plain property
 * writes on the Node versions we run, and this is called ~70 times per score.
 */
export function makeCheck(base: CheckBase, result: CheckResult, observed: string, extra?: CheckExtra): ScoreCheck {
  const threshold = extra?.threshold ?? base.threshold;
  const subject = extra?.subject ?? base.subject;
  let reason = `${base.title}: ${observed}; required ${threshold}.`;
  if (extra?.note) reason += ` ${extra.note}`;
  if (result === "unknown") reason += UNKNOWN_NOTE;
  else if (result === "not_applicable") reason += NOT_APPLICABLE_NOTE;
  const check: ScoreCheck = {
    domain: base.domain,
    code: base.code,
    title: base.title,
    result,
    points: CHECK_POINTS[result],
    observed,
    threshold,
    reason,
    source: base.source,
  };
  if (subject) check.subject = subject;
  return check;
}
