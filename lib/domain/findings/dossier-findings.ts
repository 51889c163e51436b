import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import type { Finding } from "./finding";
import { SEVERITY_RANK } from "../vocabulary";
import { makeRuleContext, type FindingRule } from "./rules/context";
import { controlRules } from "./rules/control-rules";
import {
  continuityPlanRules,
  incidentResponsePlanRules,
  pentestRules,
  securityPolicyRules,
} from "./rules/document-rules";
import { incidentRules } from "./rules/incident-rules";
import { insuranceRules } from "./rules/insurance-rules";
import { isoRules } from "./rules/iso-rules";
import { kpiRules } from "./rules/kpi-rules";
import { reviewRules } from "./rules/review-rules";
import { siteRules } from "./rules/site-rules";
import { soc2Rules } from "./rules/soc2-rules";
import { legalRules } from "./rules/legal-rules";

// The dossier rules of the findings engine: a flat list of rule modules
// (rules/), each a pure function of (dossier, settings, now). New rule
// families are added by appending their function here; the legal family
// (contract clauses, DPA, transfers) is rules/legal-rules.ts, which runs the
// rules kept with the rest of the legal domain in lib/domain/legal. Callers
// outside lib/domain/findings want vendorFindingsFor (vendor-findings.ts),
// which adds the workflow findings.
export const FINDING_RULES: readonly FindingRule[] = [
  soc2Rules,
  isoRules,
  insuranceRules,
  pentestRules,
  incidentResponsePlanRules,
  securityPolicyRules,
  continuityPlanRules,
  siteRules,
  controlRules,
  kpiRules,
  incidentRules,
  reviewRules,
  legalRules,
];

/** Every finding for a dossier, most severe first, then by code and subject. */
export function findingsFor(
  dossier: Dossier,
  settings: Settings,
  now: Date,
  rules: readonly FindingRule[] = FINDING_RULES,
): Finding[] {
  const ctx = makeRuleContext(dossier, settings, now);
  return sortFindings(rules.flatMap((rule) => rule(ctx)));
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      compareText(a.code, b.code) ||
      compareText(a.subject.id ?? "", b.subject.id ?? "") ||
      compareText(a.message, b.message),
  );
}

// Code-point order, not locale order, so the list is identical on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
