import type { z } from "zod";
import type { Permission } from "@/lib/domain/accounts/permissions";
import {
  continuityPlanInputSchema,
  controlAssessmentInputSchema,
  deliverySiteInputSchema,
  incidentInputSchema,
  incidentResponsePlanInputSchema,
  insurancePolicyInputSchema,
  isoCertificateInputSchema,
  kpiPeriodInputSchema,
  pentestInputSchema,
  securityPolicyInputSchema,
  securityReviewInputSchema,
  soc2ReportInputSchema,
  type Dossier,
} from "./dossier";
import {
  clauseReviewRowSchema,
  contractSchema,
  dpaSchema,
  subProcessorSchema,
  transferMechanismSchema,
  type LegalDossier,
} from "./legal";

// Every kind of dossier record, with the schema its form and the server share,
// where it sits in the Dossier and the permission needed to change it
// (procurement: sites and insurance; security: assurance, controls, KPIs,
// incidents and reviews; legal: contracts, clauses, DPA, transfers and
// sub-processors). Two sections: "dossier" kinds are top-level Dossier lists
// (RECORD_KINDS, which the generic record forms cover); "legal" kinds live
// under dossier.legal (LEGAL_RECORD_KINDS, edited on the Legal tab). The
// generic record service handles both through recordKindSpec().

type DossierListKey = {
  [K in keyof Dossier]: Dossier[K] extends readonly { id: string }[] ? K : never;
}[keyof Dossier];

interface RecordKind {
  label: string;
  plural: string;
  schema: z.ZodType;
  dossierKey: DossierListKey;
  /** At most one record per vendor with the same value of this field (one assessment per control, one KPI record per quarter). */
  uniqueBy?: "code" | "period";
  permission: Permission;
}

export const RECORD_KINDS = {
  site: { label: "Delivery site", plural: "Delivery sites", schema: deliverySiteInputSchema, dossierKey: "sites", permission: "vendor.update" },
  soc2: { label: "SOC 2 report", plural: "SOC 2 reports", schema: soc2ReportInputSchema, dossierKey: "soc2Reports", permission: "assurance.manage" },
  iso: { label: "ISO/IEC 27001 certificate", plural: "ISO/IEC 27001 certificates", schema: isoCertificateInputSchema, dossierKey: "isoCertificates", permission: "assurance.manage" },
  pentest: { label: "Penetration test", plural: "Penetration tests / VAPT", schema: pentestInputSchema, dossierKey: "pentests", permission: "assurance.manage" },
  security_policy: { label: "Security policy", plural: "Information security policies", schema: securityPolicyInputSchema, dossierKey: "securityPolicies", permission: "assurance.manage" },
  ir_plan: { label: "Incident response plan", plural: "Incident response plans", schema: incidentResponsePlanInputSchema, dossierKey: "incidentResponsePlans", permission: "assurance.manage" },
  bcp: { label: "Business continuity plan", plural: "Business continuity plans", schema: continuityPlanInputSchema, dossierKey: "continuityPlans", permission: "assurance.manage" },
  insurance: { label: "Cyber insurance policy", plural: "Cyber liability insurance", schema: insurancePolicyInputSchema, dossierKey: "insurancePolicies", permission: "vendor.update" },
  control: { label: "Control assessment", plural: "Control pack", schema: controlAssessmentInputSchema, dossierKey: "controls", uniqueBy: "code", permission: "controls.manage" },
  kpi: { label: "KPI period", plural: "Security KPIs", schema: kpiPeriodInputSchema, dossierKey: "kpis", uniqueBy: "period", permission: "controls.manage" },
  incident: { label: "Incident", plural: "Incidents", schema: incidentInputSchema, dossierKey: "incidents", permission: "controls.manage" },
  review: { label: "Security review", plural: "Quarterly security reviews", schema: securityReviewInputSchema, dossierKey: "securityReviews", permission: "controls.manage" },
} as const satisfies Record<string, RecordKind>;

export type RecordKindKey = keyof typeof RECORD_KINDS;
export const RECORD_KIND_KEYS = Object.keys(RECORD_KINDS) as RecordKindKey[];

export function isRecordKind(value: unknown): value is RecordKindKey {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(RECORD_KINDS, value);
}

/** Which record kind a dossier list holds (findings point at dossier lists). */
export function recordKindForDossierKey(key: string): RecordKindKey | undefined {
  return RECORD_KIND_KEYS.find((k) => RECORD_KINDS[k].dossierKey === key);
}

// ---------------------------------------------------------------- legal section

type LegalKey = Exclude<keyof LegalDossier, "signOff">;

interface LegalRecordKind {
  label: string;
  plural: string;
  schema: z.ZodType;
  section: "legal";
  /** Where the record sits in dossier.legal. */
  legalKey: LegalKey;
  /** At most one record per vendor with the same value of this field (one row per clause, per country). */
  uniqueBy?: "clauseCode" | "country";
  /** Exactly one record per vendor (the DPA status). */
  single?: boolean;
  permission: Permission;
}

export const LEGAL_RECORD_KINDS = {
  contract: { label: "Contract", plural: "Contracts", schema: contractSchema, section: "legal", legalKey: "contracts", permission: "legal.manage" },
  clause: { label: "Clause review", plural: "Clause checklist", schema: clauseReviewRowSchema, section: "legal", legalKey: "clauseReviews", uniqueBy: "clauseCode", permission: "legal.manage" },
  dpa: { label: "DPA status", plural: "Data processing agreement", schema: dpaSchema, section: "legal", legalKey: "dpa", single: true, permission: "legal.manage" },
  transfer: { label: "Transfer mechanism", plural: "Transfer matrix", schema: transferMechanismSchema, section: "legal", legalKey: "transferMechanisms", uniqueBy: "country", permission: "legal.manage" },
  subprocessor: { label: "Sub-processor", plural: "Sub-processors", schema: subProcessorSchema, section: "legal", legalKey: "subProcessors", permission: "legal.manage" },
} as const satisfies Record<string, LegalRecordKind>;

export type LegalRecordKindKey = keyof typeof LEGAL_RECORD_KINDS;
export const LEGAL_RECORD_KIND_KEYS = Object.keys(LEGAL_RECORD_KINDS) as LegalRecordKindKey[];

export function isLegalRecordKind(value: unknown): value is LegalRecordKindKey {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(LEGAL_RECORD_KINDS, value);
}

// ---------------------------------------------------------------- both sections

export type AnyRecordKindKey = RecordKindKey | LegalRecordKindKey;

export interface RecordKindSpec {
  label: string;
  plural: string;
  schema: z.ZodType;
  permission: Permission;
  section: "dossier" | "legal";
}

export function isAnyRecordKind(value: unknown): value is AnyRecordKindKey {
  return isRecordKind(value) || isLegalRecordKind(value);
}

export function recordKindSpec(kind: AnyRecordKindKey): RecordKindSpec {
  return isLegalRecordKind(kind) ? LEGAL_RECORD_KINDS[kind] : { ...RECORD_KINDS[kind], section: "dossier" };
}

/**
 * The fields whose values no other record of the same vendor and kind may
 * share (`{}` for a kind with one record per vendor), or null for kinds that
 * may repeat. The application checks these rules first for a friendly
 * message; a unique index on the kind's table (prisma/schema.prisma) makes
 * them hold when two servers (or two requests) create the same record at once.
 */
export function recordUniqueFields(kind: AnyRecordKindKey, data: Record<string, unknown>): Record<string, unknown> | null {
  const spec: LegalRecordKind | RecordKind = isLegalRecordKind(kind) ? LEGAL_RECORD_KINDS[kind] : RECORD_KINDS[kind];
  if ("single" in spec && spec.single) return {};
  if (!spec.uniqueBy) return null;
  return { [spec.uniqueBy]: data[spec.uniqueBy] };
}
