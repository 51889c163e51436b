import type { Dossier } from "@/lib/schemas/dossier";
import type { AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";

export interface EvidenceUse {
  kind: AnyRecordKindKey;
  id: string;
  /** The row's anchor on its tab: record id, or the control code on the Controls tab. */
  anchorId: string;
}

/**
 * Which records point at each document, so an auditor sees what a file is
 * evidence for (the Evidence tab's "Evidence for" column). Every record kind
 * that can attach a file is listed here, the legal contracts included: a file
 * recorded as a contract's signed copy is evidence for that contract.
 */
export function evidenceUsesOf(dossier: Dossier): Map<string, EvidenceUse[]> {
  const uses = new Map<string, EvidenceUse[]>();
  const lists: [AnyRecordKindKey, { id: string; evidenceId?: string; code?: string }[]][] = [
    ["soc2", dossier.soc2Reports],
    ["iso", dossier.isoCertificates],
    ["pentest", dossier.pentests],
    ["security_policy", dossier.securityPolicies],
    ["ir_plan", dossier.incidentResponsePlans],
    ["bcp", dossier.continuityPlans],
    ["insurance", dossier.insurancePolicies],
    ["control", dossier.controls],
    ["contract", dossier.legal.contracts],
  ];
  for (const [kind, list] of lists) {
    for (const r of list) {
      if (!r.evidenceId) continue;
      const entry = { kind, id: r.id, anchorId: kind === "control" && r.code ? r.code : r.id };
      uses.set(r.evidenceId, [...(uses.get(r.evidenceId) ?? []), entry]);
    }
  }
  return uses;
}
