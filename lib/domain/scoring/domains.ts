import { scoringDomainKeys, type ScoringDomainKey } from "@/lib/schemas/settings";
import type { ControlDomain } from "../dossier-vocabulary";

// The six scoring domains of docs/rules.md §8, in the order every screen, the PDF
// and the arithmetic list them. Their weights are settings.

export const SCORING_DOMAINS: readonly ScoringDomainKey[] = scoringDomainKeys;

export const SCORING_DOMAIN_LABELS: Record<ScoringDomainKey, string> = {
  assurance: "Assurance",
  contractual: "Contractual",
  dataProtection: "Data protection & transfers",
  accessEndpoint: "Access & endpoint",
  humanProtocols: "Human protocols, training & KPIs",
  financial: "Financial backstop",
};

/** Longer titles for headings ("Assurance reports"), from docs/rules.md §8. */
export const SCORING_DOMAIN_TITLES: Record<ScoringDomainKey, string> = {
  assurance: "Assurance reports",
  contractual: "Contractual protections",
  dataProtection: "Data protection & transfers",
  accessEndpoint: "Access & endpoint controls",
  humanProtocols: "Human protocols, training & KPIs",
  financial: "Financial backstop (insurance)",
};

/** Control-pack domains (docs/rules.md §6) feed the two control scoring domains. */
export const CONTROL_DOMAIN_SCORING: Record<ControlDomain, ScoringDomainKey> = {
  access: "accessEndpoint",
  endpoint_physical: "accessEndpoint",
  email: "accessEndpoint",
  human_protocols: "humanProtocols",
  governance: "humanProtocols",
};

/**
 * Contract clauses about what happens to the data (where it lives, who else
 * processes it, what happens at the end) count under data protection; every
 * other clause, including ones an organisation adds to the catalogue later,
 * counts as a contractual protection.
 */
const DATA_PROTECTION_CLAUSES = new Set(["data_residency", "subprocessor_consent", "data_return_deletion"]);

export function clauseScoringDomain(clauseCode: string): ScoringDomainKey {
  return DATA_PROTECTION_CLAUSES.has(clauseCode) ? "dataProtection" : "contractual";
}
