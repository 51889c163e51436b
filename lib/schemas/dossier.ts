import { z } from "zod";
import {
  CONTROL_STATUSES,
  EVIDENCE_KINDS,
  INCIDENT_SEVERITIES,
  ISO_STANDARD_VERSIONS,
  KPI_PERIOD_PATTERN,
  REMOTE_SITE_CONTROLS,
  REMOTE_SITE_CONTROL_LABELS,
  SITE_MODES,
  SOC2_OPINIONS,
  SOC2_TYPES,
} from "@/lib/domain/dossier-vocabulary";
import { ACCESS_LEVELS, DATA_CATEGORIES, INDUSTRIES, SERVICES, TIERS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
import { controlCatalogueSchema } from "./control-catalogue";
import { legalDossierSchema } from "./legal";
import {
  countryCode,
  isoDate,
  isoDateTime,
  optionalEvidenceId,
  optionalIsoDate,
  optionalIsoDateTime,
  optionalNumber,
  optionalText,
  percent,
  recordId,
  requiredText,
  textList,
  wholeNumber,
} from "./dossier-fields";

// The vendor dossier (docs/rules.md §1-3, §6-7, and legal's §4-5 under `legal`,
// schemas in ./legal.ts): one schema per record, each in two forms.
// - `<record>InputSchema`: what a form submits and the server re-validates;
//   the id is optional because a new record has none yet.
// - `<record>Schema`: the stored record with its id, used inside the
//   aggregate `dossierSchema` (the JSON interchange format) so findings can
//   point at the record they concern.
// Cross-field checks run in both forms.

type Issue = { path: (string | number)[]; message: string };

function report(issues: Issue[], ctx: z.RefinementCtx) {
  for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
}

/** "YYYY-MM-DD" strings compare correctly as text. */
function before(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a < b;
}

// ---------------------------------------------------------------- profile

export const TIER_OVERRIDE_REASON_MIN_LENGTH = 20;

export const tierOverrideSchema = z.object({
  tier: z.enum(TIERS, { error: "Choose the tier to apply" }),
  reason: z
    .string({ error: "Explain why the computed tier is overridden" })
    .trim()
    .min(
      TIER_OVERRIDE_REASON_MIN_LENGTH,
      `Explain the override in at least ${TIER_OVERRIDE_REASON_MIN_LENGTH} characters`,
    )
    .max(2000, "Keep the reason under 2000 characters"),
});
export type TierOverrideInput = z.infer<typeof tierOverrideSchema>;

const optionalUrl = z
  .string()
  .trim()
  .max(300, "Keep the address under 300 characters")
  .refine((v) => v === "" || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), "Enter a full web address, e.g. https://example.com")
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address")
  .transform((v) => (v === "" ? undefined : v))
  .optional();

const profileFields = {
  name: requiredText("Enter the vendor's name", 200),
  legalName: requiredText("Enter the registered legal name", 300),
  website: optionalUrl,
  country: countryCode("Choose the country of the vendor's headquarters"),
  services: z.array(z.enum(SERVICES)).min(1, "Choose at least one service"),
  industries: z.array(z.enum(INDUSTRIES)).min(1, "Choose at least one industry served for us"),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)),
  accessLevel: z.enum(ACCESS_LEVELS, { error: "Choose the system access granted" }),
  status: z.enum(VENDOR_STATUSES, { error: "Choose the vendor's status" }),
  ownerEmail: optionalEmail,
  tierOverride: tierOverrideSchema.optional(),
};
export const vendorProfileInputSchema = z.object({ id: recordId.optional(), ...profileFields });
export const vendorProfileSchema = z.object({ id: recordId, ...profileFields });
export type VendorProfileInput = z.input<typeof vendorProfileInputSchema>;
export type VendorProfile = z.infer<typeof vendorProfileSchema>;

// ---------------------------------------------------------------- delivery sites

const siteFields = {
  country: countryCode("Choose the site's country"),
  city: requiredText("Enter the site's city", 120),
  mode: z.enum(SITE_MODES, { error: "Choose on-site or remote" }),
  headcount: wholeNumber("Enter the number of agents", 1),
  // Only meaningful for remote agents (docs/rules.md §1); required there.
  edr: z.boolean().optional(),
  vpn: z.boolean().optional(),
  mfa: z.boolean().optional(),
  vdi: z.boolean().optional(),
};
type SiteValues = { mode: (typeof SITE_MODES)[number] } & Partial<Record<(typeof REMOTE_SITE_CONTROLS)[number], boolean>>;
function siteIssues(site: SiteValues): Issue[] {
  if (site.mode !== "remote") return [];
  return REMOTE_SITE_CONTROLS.filter((c) => site[c] === undefined).map((c) => ({
    path: [c],
    message: `Say whether remote agents use ${REMOTE_SITE_CONTROL_LABELS[c]}`,
  }));
}
export const deliverySiteInputSchema = z
  .object({ id: recordId.optional(), ...siteFields })
  .superRefine((v, ctx) => report(siteIssues(v), ctx));
export const deliverySiteSchema = z
  .object({ id: recordId, ...siteFields })
  .superRefine((v, ctx) => report(siteIssues(v), ctx));
export type DeliverySiteInput = z.input<typeof deliverySiteInputSchema>;
export type DeliverySite = z.infer<typeof deliverySiteSchema>;

// ---------------------------------------------------------------- evidence documents

/** What the upload form asks for; the file itself travels as multipart data. */
export const evidenceUploadInputSchema = z.object({
  kind: z.enum(EVIDENCE_KINDS, { error: "Choose what kind of document this is" }),
  effectiveDate: isoDate("Enter the date the document takes effect"),
  title: optionalText(200),
});
export type EvidenceUploadInput = z.input<typeof evidenceUploadInputSchema>;

/** Stored metadata of an uploaded file (docs/rules.md §2: hash, uploader, upload time, effective date). */
export const evidenceDocumentSchema = z.object({
  id: recordId,
  kind: z.enum(EVIDENCE_KINDS),
  title: optionalText(200),
  fileName: requiredText("Missing file name", 255),
  sha256: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-f0-9]{64}$/, "A SHA-256 is 64 hexadecimal characters"),
  sizeBytes: wholeNumber("Missing file size"),
  mimeType: requiredText("Missing file type", 255),
  uploadedAt: isoDateTime("Missing upload time"),
  uploadedBy: requiredText("Missing uploader", 320),
  effectiveDate: isoDate("Enter the date the document takes effect"),
});
export type EvidenceDocument = z.infer<typeof evidenceDocumentSchema>;

// ---------------------------------------------------------------- SOC 2

const soc2Fields = {
  type: z.enum(SOC2_TYPES, { error: "Choose Type I or Type II" }),
  periodStart: isoDate("Enter the audit period start date"),
  periodEnd: isoDate("Enter the audit period end date"),
  issueDate: isoDate("Enter the report issue date"),
  auditor: requiredText("Enter the audit firm", 200),
  opinion: z.enum(SOC2_OPINIONS, { error: "Choose the auditor's opinion" }),
  exceptionCount: wholeNumber("Enter the number of exceptions (0 if none)"),
  carvedOutSubservices: textList(200),
  bridgeLetterDate: optionalIsoDate(),
  evidenceId: optionalEvidenceId,
};
function soc2Issues(r: { periodStart: string; periodEnd: string; issueDate: string; bridgeLetterDate?: string }): Issue[] {
  const issues: Issue[] = [];
  if (before(r.periodEnd, r.periodStart)) {
    issues.push({ path: ["periodEnd"], message: "The period end must be on or after the period start" });
  }
  if (before(r.issueDate, r.periodEnd)) {
    issues.push({ path: ["issueDate"], message: "A report is issued on or after its period end" });
  }
  if (before(r.bridgeLetterDate, r.periodEnd)) {
    issues.push({ path: ["bridgeLetterDate"], message: "A bridge letter covers the time after the period end" });
  }
  return issues;
}
export const soc2ReportInputSchema = z
  .object({ id: recordId.optional(), ...soc2Fields })
  .superRefine((v, ctx) => report(soc2Issues(v), ctx));
export const soc2ReportSchema = z
  .object({ id: recordId, ...soc2Fields })
  .superRefine((v, ctx) => report(soc2Issues(v), ctx));
export type Soc2ReportInput = z.input<typeof soc2ReportInputSchema>;
export type Soc2Report = z.infer<typeof soc2ReportSchema>;

// ---------------------------------------------------------------- ISO/IEC 27001

const isoFields = {
  certificateNumber: requiredText("Enter the certificate number", 100),
  certificationBody: requiredText("Enter the certification body", 200),
  accredited: z.boolean({ error: "Say whether the certification body is accredited" }),
  standardVersion: z.enum(ISO_STANDARD_VERSIONS, { error: "Choose 2013 or 2022" }),
  issueDate: isoDate("Enter the certificate issue date"),
  expiryDate: isoDate("Enter the certificate expiry date"),
  scopeText: requiredText("Paste the certificate's scope statement", 5000),
  coveredSiteIds: z.array(z.string().trim().min(1)),
  evidenceId: optionalEvidenceId,
};
function isoIssues(c: { issueDate: string; expiryDate: string }): Issue[] {
  return before(c.expiryDate, c.issueDate) || c.expiryDate === c.issueDate
    ? [{ path: ["expiryDate"], message: "The expiry date must be after the issue date" }]
    : [];
}
export const isoCertificateInputSchema = z
  .object({ id: recordId.optional(), ...isoFields })
  .superRefine((v, ctx) => report(isoIssues(v), ctx));
export const isoCertificateSchema = z
  .object({ id: recordId, ...isoFields })
  .superRefine((v, ctx) => report(isoIssues(v), ctx));
export type IsoCertificateInput = z.input<typeof isoCertificateInputSchema>;
export type IsoCertificate = z.infer<typeof isoCertificateSchema>;

// ---------------------------------------------------------------- other assurance documents

const pentestFields = {
  performedOn: isoDate("Enter the date the test was performed"),
  provider: optionalText(200),
  scope: requiredText("Describe what the test covered", 2000),
  openCriticalHigh: wholeNumber("Enter the number of open critical/high findings (0 if none)"),
  evidenceId: optionalEvidenceId,
};
export const pentestInputSchema = z.object({ id: recordId.optional(), ...pentestFields });
export const pentestSchema = z.object({ id: recordId, ...pentestFields });
export type PentestInput = z.input<typeof pentestInputSchema>;
export type Pentest = z.infer<typeof pentestSchema>;

const securityPolicyFields = {
  title: optionalText(200),
  approvedOn: isoDate("Enter the date the policy was approved"),
  evidenceId: z.string({ error: "Attach the approved policy document" }).trim().min(1, "Attach the approved policy document"),
};
export const securityPolicyInputSchema = z.object({ id: recordId.optional(), ...securityPolicyFields });
export const securityPolicySchema = z.object({ id: recordId, ...securityPolicyFields });
export type SecurityPolicyInput = z.input<typeof securityPolicyInputSchema>;
export type SecurityPolicy = z.infer<typeof securityPolicySchema>;

const incidentResponsePlanFields = {
  /** Last tabletop or drill; absent when the plan was never tested. */
  lastTestedOn: optionalIsoDate(),
  evidenceId: optionalEvidenceId,
};
export const incidentResponsePlanInputSchema = z.object({ id: recordId.optional(), ...incidentResponsePlanFields });
export const incidentResponsePlanSchema = z.object({ id: recordId, ...incidentResponsePlanFields });
export type IncidentResponsePlanInput = z.input<typeof incidentResponsePlanInputSchema>;
export type IncidentResponsePlan = z.infer<typeof incidentResponsePlanSchema>;

const continuityPlanFields = {
  lastTestedOn: optionalIsoDate(),
  evidenceId: optionalEvidenceId,
};
export const continuityPlanInputSchema = z.object({ id: recordId.optional(), ...continuityPlanFields });
export const continuityPlanSchema = z.object({ id: recordId, ...continuityPlanFields });
export type ContinuityPlanInput = z.input<typeof continuityPlanInputSchema>;
export type ContinuityPlan = z.infer<typeof continuityPlanSchema>;

// ---------------------------------------------------------------- insurance

const insuranceFields = {
  carrier: requiredText("Enter the insurance carrier", 200),
  policyNumber: requiredText("Enter the policy number", 100),
  /** Integer minor units (cents) to avoid float money (README.md, Architecture). */
  perOccurrenceMinor: wholeNumber("Enter the per-occurrence limit"),
  aggregateMinor: wholeNumber("Enter the aggregate limit"),
  currency: z
    .string({ error: "Enter the policy currency" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, "Use a 3-letter currency code such as USD"),
  expiryDate: isoDate("Enter the policy expiry date"),
  additionalInsured: z.boolean({ error: "Say whether we are named as additional insured" }),
  evidenceId: optionalEvidenceId,
};
function insuranceIssues(p: { perOccurrenceMinor: number; aggregateMinor: number }): Issue[] {
  return p.aggregateMinor < p.perOccurrenceMinor
    ? [{ path: ["aggregateMinor"], message: "The aggregate limit cannot be below the per-occurrence limit" }]
    : [];
}
export const insurancePolicyInputSchema = z
  .object({ id: recordId.optional(), ...insuranceFields })
  .superRefine((v, ctx) => report(insuranceIssues(v), ctx));
export const insurancePolicySchema = z
  .object({ id: recordId, ...insuranceFields })
  .superRefine((v, ctx) => report(insuranceIssues(v), ctx));
export type InsurancePolicyInput = z.input<typeof insurancePolicyInputSchema>;
export type InsurancePolicy = z.infer<typeof insurancePolicySchema>;

// ---------------------------------------------------------------- controls

const controlAssessmentFields = {
  code: requiredText("Missing control code", 100),
  status: z.enum(CONTROL_STATUSES, { error: "Choose the control's status" }),
  note: optionalText(2000),
  evidenceId: optionalEvidenceId,
};
export const controlAssessmentInputSchema = z.object({ id: recordId.optional(), ...controlAssessmentFields });
export const controlAssessmentSchema = z.object({ id: recordId, ...controlAssessmentFields });
export type ControlAssessmentInput = z.input<typeof controlAssessmentInputSchema>;
export type ControlAssessment = z.infer<typeof controlAssessmentSchema>;

// ---------------------------------------------------------------- KPIs

const kpiFields = {
  period: z
    .string({ error: "Enter the period" })
    .trim()
    .toUpperCase()
    .regex(KPI_PERIOD_PATTERN, "Use a quarter like 2026-Q3"),
  // Every KPI may be unknown (docs/rules.md §7 is "recorded per period"; vendors
  // do not always report all of them). Unknown values are reported as such.
  phishingFailurePct: optionalNumber(percent),
  escalationRatePct: optionalNumber(percent),
  verificationBypassCount: optionalNumber(wholeNumber("Enter the number of bypass incidents")),
  meanTimeToEscalateMinutes: optionalNumber(z.number().min(0, "This cannot be negative")),
  trainingCompletionPct: optionalNumber(percent),
  privilegeReviewAgeDays: optionalNumber(wholeNumber("Enter the age in days")),
};
export const kpiPeriodInputSchema = z.object({ id: recordId.optional(), ...kpiFields });
export const kpiPeriodSchema = z.object({ id: recordId, ...kpiFields });
export type KpiPeriodInput = z.input<typeof kpiPeriodInputSchema>;
export type KpiPeriod = z.infer<typeof kpiPeriodSchema>;

// ---------------------------------------------------------------- incidents

const incidentFields = {
  detectedAt: isoDateTime("Enter when the vendor detected the incident"),
  /** When the vendor notified us; absent while we have not been told. */
  notifiedAt: optionalIsoDateTime(),
  severity: z.enum(INCIDENT_SEVERITIES, { error: "Choose the incident's severity" }),
  summary: requiredText("Summarise what happened", 5000),
  personalDataInvolved: z.boolean({ error: "Say whether personal data was involved" }),
};
function incidentIssues(i: { detectedAt: string; notifiedAt?: string }): Issue[] {
  if (i.notifiedAt === undefined) return [];
  return Date.parse(i.notifiedAt) < Date.parse(i.detectedAt)
    ? [{ path: ["notifiedAt"], message: "The notification cannot come before the detection" }]
    : [];
}
export const incidentInputSchema = z
  .object({ id: recordId.optional(), ...incidentFields })
  .superRefine((v, ctx) => report(incidentIssues(v), ctx));
export const incidentSchema = z
  .object({ id: recordId, ...incidentFields })
  .superRefine((v, ctx) => report(incidentIssues(v), ctx));
export type IncidentInput = z.input<typeof incidentInputSchema>;
export type Incident = z.infer<typeof incidentSchema>;

// ---------------------------------------------------------------- quarterly security reviews

const securityReviewFields = {
  heldOn: isoDate("Enter the date the review was held"),
  attendees: textList(200).refine((a) => a.length > 0, "List at least one attendee"),
  notes: optionalText(10_000),
  followUps: textList(500),
};
export const securityReviewInputSchema = z.object({ id: recordId.optional(), ...securityReviewFields });
export const securityReviewSchema = z.object({ id: recordId, ...securityReviewFields });
export type SecurityReviewInput = z.input<typeof securityReviewInputSchema>;
export type SecurityReview = z.infer<typeof securityReviewSchema>;

// ---------------------------------------------------------------- the dossier

export const DOSSIER_FORMAT_VERSION = 1;

const dossierShape = z.object({
  formatVersion: z.literal(DOSSIER_FORMAT_VERSION),
  profile: vendorProfileSchema,
  sites: z.array(deliverySiteSchema),
  documents: z.array(evidenceDocumentSchema),
  soc2Reports: z.array(soc2ReportSchema),
  isoCertificates: z.array(isoCertificateSchema),
  pentests: z.array(pentestSchema),
  securityPolicies: z.array(securityPolicySchema),
  incidentResponsePlans: z.array(incidentResponsePlanSchema),
  continuityPlans: z.array(continuityPlanSchema),
  insurancePolicies: z.array(insurancePolicySchema),
  /** The catalogue the controls were assessed against, so an export stands alone. */
  controlCatalogue: controlCatalogueSchema,
  controls: z.array(controlAssessmentSchema),
  kpis: z.array(kpiPeriodSchema),
  incidents: z.array(incidentSchema),
  securityReviews: z.array(securityReviewSchema),
  /** Legal's review (docs/rules.md §4-5): contracts, clause checklist, DPA, transfer mechanisms, sub-processors. */
  legal: legalDossierSchema,
});

const RECORD_COLLECTIONS = [
  "sites",
  "documents",
  "soc2Reports",
  "isoCertificates",
  "pentests",
  "securityPolicies",
  "incidentResponsePlans",
  "continuityPlans",
  "insurancePolicies",
  "controls",
  "kpis",
  "incidents",
  "securityReviews",
] as const;

const EVIDENCE_LINKED = [
  "soc2Reports",
  "isoCertificates",
  "pentests",
  "securityPolicies",
  "incidentResponsePlans",
  "continuityPlans",
  "insurancePolicies",
  "controls",
] as const;

/** References inside one dossier must resolve, so an imported file cannot point nowhere. */
function dossierIssues(d: z.infer<typeof dossierShape>): Issue[] {
  const issues: Issue[] = [];
  for (const key of RECORD_COLLECTIONS) {
    const seen = new Set<string>();
    d[key].forEach((record, index) => {
      if (seen.has(record.id)) issues.push({ path: [key, index, "id"], message: `Duplicate id ${record.id}` });
      seen.add(record.id);
    });
  }
  const documentIds = new Set(d.documents.map((doc) => doc.id));
  for (const key of EVIDENCE_LINKED) {
    d[key].forEach((record, index) => {
      if (record.evidenceId !== undefined && !documentIds.has(record.evidenceId)) {
        issues.push({ path: [key, index, "evidenceId"], message: `Unknown evidence document ${record.evidenceId}` });
      }
    });
  }
  d.legal.contracts.forEach((contract, index) => {
    if (contract.evidenceId !== undefined && !documentIds.has(contract.evidenceId)) {
      issues.push({ path: ["legal", "contracts", index, "evidenceId"], message: `Unknown evidence document ${contract.evidenceId}` });
    }
  });
  for (const key of ["contracts", "subProcessors"] as const) {
    const seen = new Set<string>();
    (d.legal[key] as { id?: string }[]).forEach((record, index) => {
      if (record.id === undefined) return;
      if (seen.has(record.id)) issues.push({ path: ["legal", key, index, "id"], message: `Duplicate id ${record.id}` });
      seen.add(record.id);
    });
  }
  const siteIds = new Set(d.sites.map((s) => s.id));
  d.isoCertificates.forEach((cert, index) => {
    cert.coveredSiteIds.forEach((siteId, j) => {
      if (!siteIds.has(siteId)) issues.push({ path: ["isoCertificates", index, "coveredSiteIds", j], message: `Unknown site ${siteId}` });
    });
  });
  const catalogueCodes = new Set(d.controlCatalogue.map((c) => c.code));
  const assessed = new Set<string>();
  d.controls.forEach((control, index) => {
    if (!catalogueCodes.has(control.code)) {
      issues.push({ path: ["controls", index, "code"], message: `Control ${control.code} is not in the catalogue` });
    }
    if (assessed.has(control.code)) issues.push({ path: ["controls", index, "code"], message: `Control ${control.code} is assessed twice` });
    assessed.add(control.code);
  });
  const periods = new Set<string>();
  d.kpis.forEach((kpi, index) => {
    if (periods.has(kpi.period)) issues.push({ path: ["kpis", index, "period"], message: `Period ${kpi.period} is recorded twice` });
    periods.add(kpi.period);
  });
  return issues;
}

export const dossierSchema = dossierShape.superRefine((d, ctx) => report(dossierIssues(d), ctx));
export type Dossier = z.infer<typeof dossierSchema>;
