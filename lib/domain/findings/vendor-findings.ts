import type { Dossier } from "@/lib/schemas/dossier";
import { emptyLegalDossier } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import { remediationFindings, type RemediationLike } from "../assessments/remediation";
import { riskAcceptanceFindings, type RiskAcceptanceLike } from "../assessments/risk-acceptance";
import type { Finding } from "./finding";
import { findingsFor, sortFindings } from "./dossier-findings";

// The one entry point for a vendor's findings: the vendor page, the vendors
// list summary, the legal sign-off, the assessment snapshot, the score and the
// CLI all call vendorFindingsFor, so they never disagree about what is open.
// The pieces it composes stay separate because each is judged on its own data:
// - the dossier rules (dossier-findings.ts, rule modules in rules/), legal
//   family included (rules/legal-rules.ts runs lib/domain/legal/legal-findings.ts);
// - the workflow findings, from data outside the dossier interchange format:
//   "remediation.overdue" (lib/domain/assessments/remediation.ts) and
//   "risk_acceptance.expired" (lib/domain/assessments/risk-acceptance.ts).

/** The workflow data that raises findings; the caller loads it (the domain does no I/O). */
export interface WorkflowFindingInputs {
  /** The vendor's open remediation items: one past its due day is "remediation.overdue". */
  remediation?: readonly RemediationLike[];
  /** The vendor's latest risk acceptance (a list of at most one): lapsed with accepted findings still open, it is "risk_acceptance.expired". */
  acceptances?: readonly RiskAcceptanceLike[];
}

/**
 * Every finding for a vendor at `now`, most severe first: the dossier rules,
 * legal ones included, plus the workflow findings of `workflow`. A dossier
 * without a legal section (a snapshot older than the legal review) is judged
 * as one with nothing reviewed, so its missing clauses and DPA still show:
 * unknown is never a pass.
 */
export function vendorFindingsFor(dossier: Dossier, settings: Settings, now: Date, workflow: WorkflowFindingInputs = {}): Finding[] {
  const withLegal = (dossier as Partial<Dossier>).legal ? dossier : { ...dossier, legal: emptyLegalDossier() };
  return withWorkflowFindings(findingsFor(withLegal, settings, now), now, workflow.remediation ?? [], workflow.acceptances ?? []);
}

/** Dossier findings plus the workflow findings (overdue remediation, expired risk acceptance), sorted. */
function withWorkflowFindings(findings: Finding[], now: Date, remediation: readonly RemediationLike[], acceptances: readonly RiskAcceptanceLike[]): Finding[] {
  const workflow = [...remediationFindings(remediation, now), ...riskAcceptanceFindings(acceptances, findings, now)];
  return workflow.length === 0 ? findings : sortFindings([...findings, ...workflow]);
}
