import { ASSESSMENT_STATES, SIGN_OFF_DECISION_LABELS, SIGN_OFF_ROLES } from "@/lib/domain/assessments/assessment-workflow";
import { REMEDIATION_STATUSES } from "@/lib/domain/assessments/remediation";
import { ROLES } from "@/lib/domain/accounts/roles";
import { SOC2_STATES } from "@/lib/domain/assurance/soc2-status";
import {
  CONTROL_DOMAINS,
  CONTROL_IMPORTANCES,
  CONTROL_STATUSES,
  EVIDENCE_KINDS,
  INCIDENT_SEVERITIES,
  ISO_STANDARD_VERSIONS,
  SITE_MODES,
  SOC2_OPINIONS,
  SOC2_TYPES,
} from "@/lib/domain/dossier-vocabulary";
import {
  AUDIT_SCOPES,
  CLAUSE_PRESENCE,
  CONTRACT_STATUSES,
  CONTRACT_TYPES,
  DPA_STATUSES,
  RENEWAL_KINDS,
  SCC_MODULES,
  TRANSFER_MECHANISMS,
} from "@/lib/domain/legal/legal-vocabulary";
import { RATING_BANDS } from "@/lib/domain/scoring/types";
import { FILE_KINDS } from "@/lib/domain/uploads/file-type";
import { ACCESS_LEVELS, DATA_CATEGORIES, INDUSTRIES, SERVICES, TIERS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
import { PACK_JOB_STATUSES } from "@/lib/schemas/views/pack-job";
import { WEBHOOK_DELIVERY_EVENT_TYPES, WEBHOOK_DELIVERY_STATES, WEBHOOK_DISABLED_REASONS } from "@/lib/domain/webhooks/webhook-events";
import { REVOKE_REASONS } from "@/lib/server/services/sessions";

// Every text (or integer) column whose values come from a fixed vocabulary,
// and that vocabulary: the database refuses anything else with a CHECK
// constraint named "<Table>_<column>_check" (README.md, "Data model").
// scripts/db/enum-checks.ts writes the constraints from this table, and
// tests/integration/db-enum-checks.test.ts reads them back from both databases
// and compares them with these constants, so a vocabulary change without a
// migration, or a table rebuild that loses a constraint, fails a test.
//
// Left out on purpose: AuditEvent.action and entityType (the append-only,
// hash-chained log keeps the names it was written with, and a CHECK would
// mean rebuilding the whole log table on SQLite whenever a feature adds an
// action); reference data (countries, currencies, clause and control codes),
// which zod checks against lists that grow with the reference files.

export type EnumValue = string | number;

export interface EnumColumn {
  table: string;
  column: string;
  values: readonly EnumValue[];
}

function column(table: string, name: string, values: readonly EnumValue[]): EnumColumn {
  return { table, column: name, values };
}

export const ENUM_COLUMNS: readonly EnumColumn[] = [
  column("User", "role", ROLES),
  column("AuthSession", "revokedReason", REVOKE_REASONS),
  column("Vendor", "accessLevel", ACCESS_LEVELS),
  column("Vendor", "tier", TIERS),
  column("Vendor", "computedTier", TIERS),
  column("Vendor", "status", VENDOR_STATUSES),
  column("Vendor", "soc2State", SOC2_STATES),
  column("VendorService", "service", SERVICES),
  column("VendorIndustry", "industry", INDUSTRIES),
  column("VendorDataCategory", "category", DATA_CATEGORIES),
  column("DeliverySite", "mode", SITE_MODES),
  column("Soc2Report", "type", SOC2_TYPES),
  column("Soc2Report", "opinion", SOC2_OPINIONS),
  column("IsoCertificate", "standardVersion", ISO_STANDARD_VERSIONS),
  column("ControlAssessment", "status", CONTROL_STATUSES),
  column("Incident", "severity", INCIDENT_SEVERITIES),
  column("Contract", "type", CONTRACT_TYPES),
  column("Contract", "status", CONTRACT_STATUSES),
  column("Contract", "renewal", RENEWAL_KINDS),
  column("ClauseReview", "presence", CLAUSE_PRESENCE),
  column("ClauseReview", "auditScope", AUDIT_SCOPES),
  column("DpaStatus", "status", DPA_STATUSES),
  column("TransferMechanism", "mechanism", TRANSFER_MECHANISMS),
  column("TransferMechanism", "sccModule", SCC_MODULES),
  column("EvidenceDocument", "kind", EVIDENCE_KINDS),
  column("EvidenceDocument", "fileKind", FILE_KINDS),
  column("ControlDefinition", "domain", CONTROL_DOMAINS),
  column("ControlDefinition", "importance", CONTROL_IMPORTANCES),
  column("Assessment", "state", ASSESSMENT_STATES),
  column("Assessment", "rating", RATING_BANDS),
  column("AssessmentSignOff", "role", SIGN_OFF_ROLES),
  // Procurement's "submit" plus the reviewers' decisions: the keys of the label table, which the type keeps complete.
  column("AssessmentSignOff", "decision", Object.keys(SIGN_OFF_DECISION_LABELS)),
  column("RemediationItem", "status", REMEDIATION_STATUSES),
  column("PackJob", "status", PACK_JOB_STATUSES),
  column("WebhookSubscription", "disabledReason", WEBHOOK_DISABLED_REASONS),
  column("WebhookDelivery", "state", WEBHOOK_DELIVERY_STATES),
  column("WebhookDelivery", "eventType", WEBHOOK_DELIVERY_EVENT_TYPES),
];

export function enumCheckName(c: Pick<EnumColumn, "table" | "column">): string {
  return `${c.table}_${c.column}_check`;
}

function literal(value: EnumValue): string {
  return typeof value === "number" ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

/** The CHECK body, the same text on both providers. NULL passes (`NULL IN (…)` is not false), so optional columns stay optional. */
export function enumCheckSql(c: EnumColumn): string {
  return `CHECK ("${c.column}" IN (${c.values.map(literal).join(", ")}))`;
}
