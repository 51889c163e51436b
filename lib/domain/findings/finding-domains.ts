import type { ScoringDomainKey } from "@/lib/schemas/settings";
import type { ControlCatalogueEntry } from "@/lib/schemas/control-catalogue";
import { CONTROL_DOMAIN_SCORING, clauseScoringDomain, SCORING_DOMAINS, SCORING_DOMAIN_LABELS } from "../scoring/domains";
import type { Finding } from "./finding";

// The one place that says which scoring domain (docs/scoring.md) a finding
// counts in: the domain of the checks that judge the same fact. Each rule
// family (rules/*.ts, lib/domain/legal/legal-findings.ts) has its code prefix
// here; controls and clauses resolve through the same tables the scoring
// checks use (CONTROL_DOMAIN_SCORING, clauseScoringDomain), so a finding and
// its check can never land in different domains. The two workflow findings
// (overdue remediation, expired risk acceptance) bound the score through the
// ceilings but count in no domain: they are "workflow".

export const FINDING_DOMAINS = [...SCORING_DOMAINS, "workflow"] as const;
export type FindingDomain = ScoringDomainKey | "workflow";

export const FINDING_DOMAIN_LABELS: Record<FindingDomain, string> = {
  ...SCORING_DOMAIN_LABELS,
  workflow: "Remediation & risk acceptance",
};

export function isFindingDomain(value: string): value is FindingDomain {
  return (FINDING_DOMAINS as readonly string[]).includes(value);
}

/** Code prefix of a rule family → its domain; the longest matching prefix wins. */
const FAMILY_DOMAINS: Record<string, FindingDomain> = {
  // rules/soc2-rules.ts, iso-rules.ts, document-rules.ts: the assurance checks.
  soc2: "assurance",
  iso: "assurance",
  pentest: "assurance",
  security_policy: "assurance",
  incident_response: "assurance",
  bcp: "assurance",
  // rules/insurance-rules.ts: the financial backstop.
  insurance: "financial",
  // rules/site-rules.ts: access.remote_site_controls.
  site: "accessEndpoint",
  // rules/kpi-rules.ts, incident-rules.ts, review-rules.ts: human protocols, training & KPIs.
  kpi: "humanProtocols",
  incident: "humanProtocols",
  review: "humanProtocols",
  // lib/domain/legal/legal-findings.ts (clauses resolve per clause, below).
  "legal.contract": "contractual",
  "legal.dpa": "dataProtection",
  "legal.transfer": "dataProtection",
  "legal.subprocessor": "dataProtection",
  // lib/domain/assessments/remediation.ts, risk-acceptance.ts.
  remediation: "workflow",
  risk_acceptance: "workflow",
};

function familyDomain(code: string): FindingDomain | undefined {
  for (let prefix = code; prefix; prefix = prefix.slice(0, Math.max(0, prefix.lastIndexOf(".")))) {
    const domain = FAMILY_DOMAINS[prefix];
    if (domain) return domain;
    if (!prefix.includes(".")) break;
  }
  return undefined;
}

/**
 * The domain a finding counts in. `catalogue` is the control catalogue the
 * findings were computed with (the dossier's), which says each control's
 * domain. Throws for a code no rule family here claims: a new rule family
 * must name its domain in this file.
 */
export function findingDomain(finding: Pick<Finding, "code" | "subject">, catalogue: readonly Pick<ControlCatalogueEntry, "code" | "domain">[]): FindingDomain {
  if (finding.code.startsWith("control.")) {
    const control = catalogue.find((c) => c.code === finding.subject.id);
    if (control) return CONTROL_DOMAIN_SCORING[control.domain];
  }
  if (finding.code.startsWith("legal.clause.") && finding.subject.id) return clauseScoringDomain(finding.subject.id);
  const domain = familyDomain(finding.code);
  if (!domain) throw new Error(`No scoring domain is declared for finding code ${finding.code} (lib/domain/findings/finding-domains.ts).`);
  return domain;
}
