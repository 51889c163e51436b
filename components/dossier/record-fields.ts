import {
  CONTROL_STATUSES,
  CONTROL_STATUS_LABELS,
  INCIDENT_SEVERITIES,
  ISO_STANDARD_VERSIONS,
  SITE_MODES,
  SITE_MODE_LABELS,
  SOC2_OPINIONS,
  SOC2_OPINION_LABELS,
  SOC2_TYPES,
  SOC2_TYPE_LABELS,
  type EvidenceKind,
} from "@/lib/domain/dossier-vocabulary";
import { COUNTRY_CODES, countryName } from "@/lib/domain/reference/countries";
import type { RecordKindKey } from "@/lib/schemas/dossier-record-kinds";

// What the generic record form shows for each record kind. Field names are
// the schema's (lib/schemas/dossier.ts), so server field errors land on the
// right input; record-values.ts converts between what an input holds and
// what the schema takes (UTC date-times, money in minor units, lists).

export type FieldType =
  | "text"
  | "textarea"
  | "date"
  | "datetime"
  | "number"
  | "money"
  | "select"
  | "checkbox"
  | "multi-select"
  | "list"
  | "evidence"
  | "sites"
  | "fixed";

export interface Option {
  value: string;
  label: string;
}

export interface FieldSpec {
  name: string;
  label: string;
  type: FieldType;
  hint?: string;
  /** Marked "(optional)" next to the label. */
  optional?: boolean;
  options?: readonly Option[];
  placeholder?: string;
  /** A short input (codes, quarters). */
  short?: boolean;
  /** Number inputs: "any" for decimals. */
  step?: string;
  min?: number;
  max?: number;
  /** Money fields: the field holding the ISO 4217 currency. */
  currencyField?: string;
  /** Evidence fields: document kinds offered first. */
  evidenceKinds?: readonly EvidenceKind[];
  /** Only shown (and only submitted) when this holds. */
  showWhen?: (values: Record<string, unknown>) => boolean;
}

const countryOptions: Option[] = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) =>
  a.label.localeCompare(b.label),
);
const options = <T extends string>(values: readonly T[], labels?: Record<T, string>): Option[] =>
  values.map((v) => ({ value: v, label: labels ? labels[v] : v }));
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const isRemote = (v: Record<string, unknown>) => v.mode === "remote";

function evidence(kinds: readonly EvidenceKind[], hint = "Upload the file on the Evidence tab first, then choose it here."): FieldSpec {
  return { name: "evidenceId", label: "Evidence document", type: "evidence", optional: true, evidenceKinds: kinds, hint };
}

/** The organisation's thresholds the hints quote (settings change them, so they are never typed in here). */
export interface FieldThresholds {
  soc2DueMonths: number;
  soc2StaleMonths: number;
  isoExpiringDays: number;
  pentestMaxAgeMonths: number;
  phishingWatchPct: number;
  phishingHighPct: number;
  meanTimeToEscalateMaxMinutes: number;
  trainingCompletionMinPct: number;
  privilegeReviewMaxDays: number;
  notificationMaxHours: number;
  currency: string;
}

export function recordFields(kind: RecordKindKey, t: FieldThresholds): readonly FieldSpec[] {
  return fieldsByKind(t)[kind];
}

const fieldsByKind = (t: FieldThresholds): Record<RecordKindKey, readonly FieldSpec[]> => ({
  site: [
    { name: "country", label: "Country", type: "select", options: countryOptions, placeholder: "Choose a country" },
    { name: "city", label: "City", type: "text" },
    { name: "mode", label: "Agents work", type: "select", options: options(SITE_MODES, SITE_MODE_LABELS), placeholder: "Choose on-site or remote" },
    { name: "headcount", label: "Headcount (agents serving us)", type: "number", min: 1, step: "1" },
    { name: "edr", label: "EDR on agents' endpoints", type: "checkbox", showWhen: isRemote, hint: "Endpoint detection and response on every device agents use." },
    { name: "vpn", label: "VPN for all access", type: "checkbox", showWhen: isRemote },
    { name: "mfa", label: "MFA on every login", type: "checkbox", showWhen: isRemote },
    { name: "vdi", label: "VDI with no local data", type: "checkbox", showWhen: isRemote, hint: "Unticked means the control is not in place; remote agents need all four." },
  ],
  soc2: [
    { name: "type", label: "Report type", type: "select", options: options(SOC2_TYPES, SOC2_TYPE_LABELS), placeholder: "Choose Type I or Type II", hint: "Type II covers a period of operation; Type I is a point in time and counts much less." },
    { name: "periodStart", label: "Audit period start", type: "date" },
    { name: "periodEnd", label: "Audit period end", type: "date", hint: `Due for renewal ${t.soc2DueMonths} months after this date; stale after ${t.soc2StaleMonths}.` },
    { name: "issueDate", label: "Report issue date", type: "date" },
    { name: "auditor", label: "Audit firm", type: "text" },
    { name: "opinion", label: "Auditor's opinion", type: "select", options: options(SOC2_OPINIONS, SOC2_OPINION_LABELS), placeholder: "Choose the opinion" },
    { name: "exceptionCount", label: "Number of exceptions", type: "number", min: 0, step: "1", hint: "0 if the report lists none." },
    { name: "carvedOutSubservices", label: "Carved-out sub-service organisations", type: "list", optional: true, hint: "One per line." },
    { name: "bridgeLetterDate", label: "Bridge letter date", type: "date", optional: true, hint: "Leave empty if no bridge letter covers the time since the period end." },
    evidence(["soc2_report"]),
  ],
  iso: [
    { name: "certificateNumber", label: "Certificate number", type: "text" },
    { name: "certificationBody", label: "Certification body", type: "text" },
    { name: "accredited", label: "The certification body is accredited", type: "checkbox", hint: "Tick only if an accreditation body (e.g. UKAS, ANAB) accredits it for ISO/IEC 27001." },
    { name: "standardVersion", label: "Standard version", type: "select", options: options(ISO_STANDARD_VERSIONS).map((o) => ({ ...o, label: `ISO/IEC 27001:${o.label}` })), placeholder: "Choose 2013 or 2022" },
    { name: "issueDate", label: "Issue date", type: "date" },
    { name: "expiryDate", label: "Expiry date", type: "date", hint: `Flagged as expiring within ${t.isoExpiringDays} days of this date.` },
    { name: "scopeText", label: "Scope statement", type: "textarea", hint: "Paste the scope exactly as the certificate states it." },
    { name: "coveredSiteIds", label: "Delivery sites the scope covers", type: "sites", hint: "A certificate counts only for the sites its scope covers." },
    evidence(["iso_certificate"]),
  ],
  pentest: [
    { name: "performedOn", label: "Test performed on", type: "date", hint: `Tests older than ${t.pentestMaxAgeMonths} months are stale.` },
    { name: "provider", label: "Testing firm", type: "text", optional: true },
    { name: "scope", label: "What the test covered", type: "textarea" },
    { name: "openCriticalHigh", label: "Open critical/high findings", type: "number", min: 0, step: "1", hint: "0 if none remain open." },
    evidence(["pentest_report"]),
  ],
  security_policy: [
    { name: "title", label: "Title", type: "text", optional: true },
    { name: "approvedOn", label: "Approved on", type: "date" },
    { name: "evidenceId", label: "Approved policy document", type: "evidence", evidenceKinds: ["security_policy"], hint: "Required. Upload it on the Evidence tab first." },
  ],
  ir_plan: [
    { name: "lastTestedOn", label: "Last tested on", type: "date", optional: true, hint: "The last tabletop or drill. Leave empty if the plan was never tested." },
    evidence(["incident_response_plan"]),
  ],
  bcp: [
    { name: "lastTestedOn", label: "Last tested on", type: "date", optional: true, hint: "Leave empty if the plan was never tested." },
    evidence(["bcp"]),
  ],
  insurance: [
    { name: "carrier", label: "Carrier", type: "text" },
    { name: "policyNumber", label: "Policy number", type: "text" },
    { name: "currency", label: "Currency", type: "text", short: true, placeholder: t.currency, hint: `3-letter ISO code. The minimum is set in ${t.currency}; limits in another currency cannot be compared with it.` },
    { name: "perOccurrenceMinor", label: "Per-occurrence limit", type: "money", currencyField: "currency", hint: "In whole currency units, e.g. 5000000 for five million." },
    { name: "aggregateMinor", label: "Aggregate limit", type: "money", currencyField: "currency" },
    { name: "expiryDate", label: "Expiry date", type: "date" },
    { name: "additionalInsured", label: "We are named as additional insured", type: "checkbox" },
    evidence(["insurance_certificate"]),
  ],
  control: [
    { name: "code", label: "Control", type: "fixed" },
    { name: "status", label: "Status", type: "select", options: options(CONTROL_STATUSES, CONTROL_STATUS_LABELS), placeholder: "Choose a status", hint: "Unknown counts as not in place." },
    { name: "note", label: "Note", type: "textarea", optional: true },
    evidence([]),
  ],
  kpi: [
    { name: "period", label: "Quarter", type: "text", short: true, placeholder: "2026-Q3", hint: "Written like 2026-Q3. Leave any KPI the vendor did not report empty: unknown, not zero." },
    { name: "phishingFailurePct", label: "Phishing simulation failure rate (%)", type: "number", optional: true, step: "any", min: 0, max: 100, hint: `Good below ${t.phishingWatchPct}%; above ${t.phishingHighPct}% needs immediate retraining.` },
    { name: "escalationRatePct", label: "Social-engineering attempts correctly escalated (%)", type: "number", optional: true, step: "any", min: 0, max: 100 },
    { name: "verificationBypassCount", label: "Verification bypass incidents", type: "number", optional: true, step: "1", min: 0, hint: "Tier 2/3 actions done without verification. Target: 0." },
    { name: "meanTimeToEscalateMinutes", label: "Mean time to escalate (minutes)", type: "number", optional: true, step: "any", min: 0, hint: `Target: under ${t.meanTimeToEscalateMaxMinutes} minutes.` },
    { name: "trainingCompletionPct", label: "Training completion (%)", type: "number", optional: true, step: "any", min: 0, max: 100, hint: `Minimum ${t.trainingCompletionMinPct}%.` },
    { name: "privilegeReviewAgeDays", label: "Days since the last privilege review", type: "number", optional: true, step: "1", min: 0, hint: `At most ${t.privilegeReviewMaxDays} days.` },
  ],
  incident: [
    { name: "detectedAt", label: "Detected at (UTC)", type: "datetime" },
    { name: "notifiedAt", label: "Notified us at (UTC)", type: "datetime", optional: true, hint: `The contract requires notice within ${t.notificationMaxHours} hours of detection. Leave empty while the vendor has not notified us.` },
    { name: "severity", label: "Severity", type: "select", options: options(INCIDENT_SEVERITIES).map((o) => ({ ...o, label: capitalised(o.label) })), placeholder: "Choose a severity" },
    { name: "summary", label: "What happened", type: "textarea" },
    { name: "personalDataInvolved", label: "Personal data was involved", type: "checkbox" },
  ],
  review: [
    { name: "heldOn", label: "Held on", type: "date" },
    { name: "attendees", label: "Attendees", type: "list", hint: "One per line, with their role." },
    { name: "notes", label: "Notes", type: "textarea", optional: true },
    { name: "followUps", label: "Follow-ups", type: "list", optional: true, hint: "One per line." },
  ],
});
