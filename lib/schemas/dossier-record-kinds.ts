import type { z } from "zod";
import type { Permission } from "@/lib/server/permissions";
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

// Every kind of dossier record, with the schema its form and the server share,
// the dossier list it belongs to and the permission needed to change it
// (procurement: sites and insurance; security: assurance, controls, KPIs,
// incidents and reviews). Used by the generic record service and forms.

type DossierListKey = {
  [K in keyof Dossier]: Dossier[K] extends readonly { id: string }[] ? K : never;
}[keyof Dossier];

interface RecordKind {
  label: string;
  plural: string;
  schema: z.ZodType;
  dossierKey: DossierListKey;
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
  control: { label: "Control assessment", plural: "Control pack", schema: controlAssessmentInputSchema, dossierKey: "controls", permission: "controls.manage" },
  kpi: { label: "KPI period", plural: "Security KPIs", schema: kpiPeriodInputSchema, dossierKey: "kpis", permission: "controls.manage" },
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
