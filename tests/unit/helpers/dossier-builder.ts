import catalogueJson from "@/lib/domain/reference/control-catalogue.json";
import { controlCatalogueSchema } from "@/lib/schemas/control-catalogue";
import type { ClauseReviewRow, LegalDossier } from "@/lib/schemas/legal";
import {
  DOSSIER_FORMAT_VERSION,
  type ControlAssessment,
  type DeliverySite,
  type Dossier,
  type Incident,
  type InsurancePolicy,
  type IsoCertificate,
  type KpiPeriod,
  type Pentest,
  type SecurityReview,
  type Soc2Report,
  type VendorProfile,
} from "@/lib/schemas/dossier";

// A clean, "all good" dossier for a Critical vendor (fintech + payment card
// data + billing write access), so the strictest rules are in play (legal:
// 24 h notification, quarterly training, a cap covering the $5M insurance
// minimum, SCCs with a transfer impact assessment for the EU data handled
// in the Philippines and India). Each test
// changes one thing and asserts the finding it expects; the clean dossier
// itself must produce no finding at all (tests/unit/findings-engine.test.ts).

/** Fixed "now" for every findings test: 15 Mar 2026, midday UTC. */
export const NOW = new Date("2026-03-15T12:00:00Z");

export const CATALOGUE = controlCatalogueSchema.parse(catalogueJson);

export function profile(overrides: Partial<VendorProfile> = {}): VendorProfile {
  return {
    id: "vendor-1",
    name: "Northwind Support",
    legalName: "Northwind Support Services Pvt Ltd",
    website: "https://northwind.example",
    country: "IN",
    services: ["email", "chat"],
    industries: ["fintech"],
    dataCategories: ["contact_pii", "payment_card", "eu_personal"],
    accessLevel: "change_billing",
    status: "active",
    ownerEmail: "owner@assay.example",
    ...overrides,
  };
}

export function onsiteSite(overrides: Partial<DeliverySite> = {}): DeliverySite {
  return { id: "site-manila", country: "PH", city: "Manila", mode: "onsite", headcount: 120, ...overrides };
}

export function remoteSite(overrides: Partial<DeliverySite> = {}): DeliverySite {
  return {
    id: "site-pune",
    country: "IN",
    city: "Pune",
    mode: "remote",
    headcount: 40,
    edr: true,
    vpn: true,
    mfa: true,
    vdi: true,
    ...overrides,
  };
}

export function soc2Report(overrides: Partial<Soc2Report> = {}): Soc2Report {
  return {
    id: "soc2-2025",
    type: "type2",
    periodStart: "2025-01-01",
    // 2.5 months before NOW: current, not due, and inside the bridge-letter gap.
    periodEnd: "2025-12-31",
    issueDate: "2026-02-15",
    auditor: "Example Audit LLP",
    opinion: "unqualified",
    exceptionCount: 0,
    carvedOutSubservices: [],
    evidenceId: "doc-soc2",
    ...overrides,
  };
}

export function isoCertificate(overrides: Partial<IsoCertificate> = {}): IsoCertificate {
  return {
    id: "iso-1",
    certificateNumber: "IS 765432",
    certificationBody: "Example Certification Ltd",
    accredited: true,
    standardVersion: "2022",
    issueDate: "2024-07-01",
    expiryDate: "2027-06-30",
    scopeText: "Customer support operations at Manila and Pune remote delivery",
    coveredSiteIds: ["site-manila", "site-pune"],
    evidenceId: "doc-iso",
    ...overrides,
  };
}

export function pentest(overrides: Partial<Pentest> = {}): Pentest {
  return {
    id: "pentest-1",
    performedOn: "2025-11-10",
    provider: "Example Offensive Security",
    scope: "Agent VDI, ticketing integration, VPN gateway",
    openCriticalHigh: 0,
    evidenceId: "doc-pentest",
    ...overrides,
  };
}

export function insurancePolicy(overrides: Partial<InsurancePolicy> = {}): InsurancePolicy {
  return {
    id: "ins-1",
    carrier: "Example Mutual",
    policyNumber: "CY-2026-001",
    perOccurrenceMinor: 10_000_000_00,
    aggregateMinor: 20_000_000_00,
    currency: "USD",
    expiryDate: "2026-12-31",
    additionalInsured: true,
    evidenceId: "doc-insurance",
    ...overrides,
  };
}

export function kpiPeriod(overrides: Partial<KpiPeriod> = {}): KpiPeriod {
  return {
    id: "kpi-2025-q4",
    period: "2025-Q4",
    phishingFailurePct: 2.5,
    escalationRatePct: 92,
    verificationBypassCount: 0,
    meanTimeToEscalateMinutes: 5,
    trainingCompletionPct: 100,
    privilegeReviewAgeDays: 45,
    ...overrides,
  };
}

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: "incident-1",
    detectedAt: "2025-10-02T08:00:00Z",
    notifiedAt: "2025-10-02T14:30:00Z",
    severity: "medium",
    summary: "Phishing email clicked by one agent; credentials reset within the hour.",
    personalDataInvolved: false,
    ...overrides,
  };
}

export function securityReview(overrides: Partial<SecurityReview> = {}): SecurityReview {
  return {
    id: "review-2026-01",
    heldOn: "2026-01-20",
    attendees: ["Vendor CISO", "Our security lead"],
    notes: "Q4 phishing results and access changes reviewed.",
    followUps: [],
    ...overrides,
  };
}

export function allControlsInPlace(): ControlAssessment[] {
  return CATALOGUE.map((c, i) => ({ id: `control-${i}`, code: c.code, status: "in_place" as const }));
}

/** The control assessments of the clean dossier with one control's status changed. */
export function controlsWith(code: string, status: ControlAssessment["status"], note?: string): ControlAssessment[] {
  if (!CATALOGUE.some((c) => c.code === code)) throw new Error(`Unknown control ${code}`);
  return allControlsInPlace().map((a) => (a.code === code ? { ...a, status, note } : a));
}

function document(id: string, kind: Dossier["documents"][number]["kind"], fileName: string) {
  return {
    id,
    kind,
    fileName,
    sha256: "a".repeat(64),
    sizeBytes: 123_456,
    mimeType: "application/pdf",
    uploadedAt: "2026-02-20T10:00:00Z",
    uploadedBy: "security@assay.example",
    effectiveDate: "2026-02-15",
  };
}

const msaCitation = (section: string, page: number) => ({ contractId: "contract-msa", section, page });

/** Every catalogue clause present and within its thresholds for the Critical fintech profile. */
export function cleanClauseReviews(): ClauseReviewRow[] {
  return [
    { clauseCode: "right_to_audit", presence: "present", citation: msaCitation("8.1", 9), days: 30, auditScope: "direct_or_third_party" },
    { clauseCode: "incident_notification", presence: "present", citation: msaCitation("7.4", 8), hours: 24 },
    { clauseCode: "data_residency", presence: "present", citation: msaCitation("7.5", 8) },
    { clauseCode: "liability_indemnification", presence: "present", citation: msaCitation("10.1", 11) },
    { clauseCode: "liability_cap", presence: "present", citation: msaCitation("12.2", 13), amountMinor: 10_000_000_00, currency: "USD" },
    { clauseCode: "cyber_insurance", presence: "present", citation: msaCitation("13.1", 14) },
    { clauseCode: "security_training", presence: "present", citation: msaCitation("7.3", 8), months: 3 },
    { clauseCode: "subprocessor_consent", presence: "present", citation: msaCitation("7.6", 8) },
    { clauseCode: "data_return_deletion", presence: "present", citation: msaCitation("9.1", 10) },
    { clauseCode: "agent_access_confidentiality", presence: "present", citation: msaCitation("6.2", 7) },
  ];
}

/** The clean legal part: signed MSA and DPA, every clause compliant, transfers covered, a consented sub-processor. */
export function cleanLegal(): LegalDossier {
  return {
    contracts: [
      { id: "contract-msa", type: "msa", title: "Master services agreement", status: "signed", effectiveDate: "2025-01-01", renewal: "auto", noticePeriodDays: 90, governingLaw: "England and Wales", evidenceId: "doc-msa" },
      { id: "contract-dpa", type: "dpa", title: "Data processing agreement", status: "signed", effectiveDate: "2025-01-01", renewal: "auto", evidenceId: "doc-dpa" },
    ],
    clauseReviews: cleanClauseReviews(),
    dpa: { status: "signed", signedDate: "2025-01-01", version: "1.2", contractId: "contract-dpa" },
    transferMechanisms: [
      { country: "IN", mechanism: "sccs", sccModule: 2, tiaDate: "2025-01-15" },
      { country: "PH", mechanism: "sccs", sccModule: 2, tiaDate: "2025-01-15" },
    ],
    subProcessors: [
      { id: "subprocessor-1", name: "Example Ticketing Ltd", service: "Ticketing platform", country: "IE", dataCategories: ["contact_pii", "eu_personal"], consented: true, notified: true },
    ],
  };
}

/** The clean legal part with one clause row changed (or removed with `null`). */
export function legalWithClause(code: string, change: Partial<ClauseReviewRow> | null): LegalDossier {
  const legal = cleanLegal();
  if (!legal.clauseReviews.some((r) => r.clauseCode === code)) throw new Error(`Unknown clause ${code}`);
  legal.clauseReviews = change === null
    ? legal.clauseReviews.filter((r) => r.clauseCode !== code)
    : legal.clauseReviews.map((r) => (r.clauseCode === code ? { ...r, ...change } : r));
  return legal;
}

export function cleanDossier(): Dossier {
  return {
    formatVersion: DOSSIER_FORMAT_VERSION,
    profile: profile(),
    sites: [onsiteSite(), remoteSite()],
    documents: [
      document("doc-soc2", "soc2_report", "soc2-2025.pdf"),
      document("doc-iso", "iso_certificate", "iso27001.pdf"),
      document("doc-pentest", "pentest_report", "vapt-2025.pdf"),
      document("doc-policy", "security_policy", "infosec-policy.pdf"),
      document("doc-irp", "incident_response_plan", "irp.pdf"),
      document("doc-bcp", "bcp", "bcp.pdf"),
      document("doc-insurance", "insurance_certificate", "cyber-insurance.pdf"),
      document("doc-msa", "contract", "msa-signed.pdf"),
      document("doc-dpa", "contract", "dpa-signed.pdf"),
    ],
    soc2Reports: [soc2Report()],
    isoCertificates: [isoCertificate()],
    pentests: [pentest()],
    securityPolicies: [{ id: "policy-1", title: "Information security policy v4", approvedOn: "2025-06-01", evidenceId: "doc-policy" }],
    incidentResponsePlans: [{ id: "irp-1", lastTestedOn: "2025-09-20", evidenceId: "doc-irp" }],
    continuityPlans: [{ id: "bcp-1", lastTestedOn: "2025-05-01", evidenceId: "doc-bcp" }],
    insurancePolicies: [insurancePolicy()],
    controlCatalogue: CATALOGUE,
    controls: allControlsInPlace(),
    kpis: [
      kpiPeriod({
        id: "kpi-2025-q3",
        period: "2025-Q3",
        phishingFailurePct: 3,
        escalationRatePct: 88,
        meanTimeToEscalateMinutes: 6,
        trainingCompletionPct: 98,
        privilegeReviewAgeDays: 60,
      }),
      kpiPeriod(),
    ],
    incidents: [incident()],
    securityReviews: [securityReview()],
    legal: cleanLegal(),
  };
}

type Overrides = Partial<Omit<Dossier, "profile">> & { profile?: Partial<VendorProfile> };

/** The clean dossier with whole collections replaced and profile fields merged. */
export function buildDossier(overrides: Overrides = {}): Dossier {
  const base = cleanDossier();
  const { profile: profileOverrides, ...rest } = overrides;
  return { ...base, ...rest, profile: { ...base.profile, ...profileOverrides } };
}

/** Profiles for the other tiers (see tests/unit/tier.test.ts for why they land there). */
export const MODERATE_PROFILE: Partial<VendorProfile> = {
  industries: ["saas"],
  dataCategories: ["contact_pii"],
  accessLevel: "read_only",
};
export const LOW_PROFILE: Partial<VendorProfile> = { industries: ["saas"], dataCategories: [], accessLevel: "read_only" };
