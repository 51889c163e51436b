// Turns a demo vendor spec (demo-vendor-spec.ts, one per vendor in
// ./vendors/) into a Dossier: relative dates resolved against `now`, record
// ids, evidence documents with the sha256 and size of their demo text, the
// control pack from the catalogue, and the legal part (demo-legal.ts).
import { createHash } from "node:crypto";
import { addDaysToDay, addMonthsToDay, firstDayOfMonthAfter, formatDayForPeople, quarterOfDay } from "@/lib/domain/dates";
import { EVIDENCE_KIND_LABELS, type EvidenceKind } from "@/lib/domain/dossier-vocabulary";
import catalogueJson from "@/lib/domain/reference/control-catalogue.json";
import { controlCatalogueSchema } from "@/lib/schemas/control-catalogue";
import {
  DOSSIER_FORMAT_VERSION,
  type ControlAssessment,
  type DeliverySite,
  type Dossier,
  type EvidenceDocument,
  type Incident,
  type InsurancePolicy,
  type IsoCertificate,
  type KpiPeriod,
  type Pentest,
  type SecurityReview,
  type Soc2Report,
} from "@/lib/schemas/dossier";
import { demoLegal } from "./demo-legal";
import type { KpiKey, VendorSpec } from "./demo-vendor-spec";

/** Demo users that own vendors and upload evidence (lib/cli/seed.ts creates them). */
const PROCUREMENT = "procurement@assay.demo";
const SECURITY = "security@assay.demo";

const CATALOGUE = controlCatalogueSchema.parse(catalogueJson);
const CATALOGUE_CODES = new Set(CATALOGUE.map((c) => c.code));

// ---------------------------------------------------------------- relative dates
//
// Calendar days come from lib/domain/dates.ts (UTC days, months clamped to
// month end); outputs are "YYYY-MM-DD" strings or ISO instants without milliseconds.

/** The day `n` days after today (negative: before). */
function daysFromNow(now: Date, n: number): string {
  return addDaysToDay(now, n);
}

/** The same day-number `months` months before today (clamped to month end), minus `extraDays`. */
function monthsAgo(now: Date, months: number, extraDays = 0): string {
  return addDaysToDay(addMonthsToDay(now, -months), -extraDays);
}

/** Last day of the month `months` months before the current one. */
function monthEndAgo(now: Date, months: number): string {
  return addDaysToDay(firstDayOfMonthAfter(now, 1 - months), -1);
}

/** First day of the month `months` months before the current one. */
function monthStartAgo(now: Date, months: number): string {
  return firstDayOfMonthAfter(now, -months);
}

function addDays(isoDay: string, n: number): string {
  return addDaysToDay(isoDay, n);
}

function addYears(isoDay: string, n: number): string {
  return addMonthsToDay(isoDay, 12 * n);
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

function instant(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The instant `hours` hours before now, to the minute. */
function hoursAgo(now: Date, hours: number): string {
  return instant(now.getTime() - hours * 3_600_000);
}

/** A working-hours upload time on a day, never after now. */
function uploadInstant(now: Date, isoDay: string, hour = 9): string {
  const at = Date.parse(`${isoDay}T${String(hour).padStart(2, "0")}:17:00Z`);
  return instant(Math.min(at, now.getTime() - 3_600_000));
}

/** "2026-Q3" of the quarter `k` quarters before the current one. */
function quarterAgo(now: Date, k: number): string {
  return quarterOfDay(addMonthsToDay(now, -3 * k));
}

/** "31 Aug 2025", for document titles. */
function readable(isoDay: string): string {
  return formatDayForPeople(isoDay);
}

// ---------------------------------------------------------------- evidence text

/** What demoEvidenceText needs; a full EvidenceDocument fits. */
export type DemoEvidenceSource = Pick<EvidenceDocument, "kind" | "title" | "fileName" | "effectiveDate" | "uploadedBy">;

export const DEMO_EVIDENCE_MIME_TYPE = "text/plain; charset=utf-8";

const EVIDENCE_BODIES: Record<EvidenceKind, string[]> = {
  soc2_report: [
    "Section 1 - Independent service auditor's report on a description of the service organisation's system and the suitability of the design (and, for a Type II report, the operating effectiveness) of controls relevant to security, availability and confidentiality.",
    "Section 2 - Management's assertion.",
    "Section 3 - Description of the system: customer support operations (email, chat, phone and back office), agent workstations, identity verification procedures, ticketing and CRM platforms, and the supporting infrastructure.",
    "Section 4 - Trust services criteria, related controls, tests of controls and results of tests.",
    "Section 5 - Other information provided by management.",
  ],
  iso_certificate: [
    "This is to certify that the information security management system of the organisation named above has been assessed and found to conform to the requirements of ISO/IEC 27001.",
    "The certificate is valid for the scope stated, subject to satisfactory surveillance audits, and in accordance with the Statement of Applicability current at the date of issue.",
  ],
  pentest_report: [
    "Executive summary: an authenticated and unauthenticated penetration test (VAPT) of the systems in scope, following OWASP WSTG and PTES methodology.",
    "Findings are rated Critical, High, Medium, Low and Informational (CVSS v3.1). Remediation status is recorded per finding at the date of this report.",
    "Appendices: scope and rules of engagement, tooling, evidence of exploitation, retest results.",
  ],
  security_policy: [
    "1. Purpose and scope. 2. Roles and responsibilities. 3. Acceptable use. 4. Access control and least privilege. 5. Identity verification of customers. 6. Endpoint, physical and remote-work security. 7. Incident reporting. 8. Training and awareness. 9. Exceptions and enforcement.",
    "Approved by the board and reviewed at least annually.",
  ],
  incident_response_plan: [
    "1. Detection and triage. 2. Severity classification. 3. Containment, eradication and recovery. 4. Client notification within the contractual window of detection. 5. Regulatory notification support. 6. Post-incident review.",
    "Annex: contact tree, client notification template, record of tabletop exercises.",
  ],
  bcp: [
    "Business impact analysis, recovery time and recovery point objectives per service, alternate-site and work-from-home arrangements, and the record of the latest continuity test.",
  ],
  insurance_certificate: [
    "Certificate of insurance: cyber liability and technology errors and omissions. Coverage includes network security and privacy liability, breach response costs, regulatory defence and penalties where insurable, and business interruption.",
    "This certificate is issued as a matter of information only and confers no rights upon the certificate holder other than those provided in the policy.",
  ],
  contract: ["Contract document."],
  other: ["Supporting evidence for a control assessment."],
};

/**
 * The text body of a demo evidence file. The seed stores it as a .txt file;
 * each document's sha256 and sizeBytes are computed from this exact text
 * (UTF-8), so a stored demo file verifies against its metadata.
 */
export function demoEvidenceText(doc: DemoEvidenceSource): string {
  const lines = [
    "ASSAY DEMO EVIDENCE - fictional document generated for the Assay demo; not a real report or certificate.",
    "",
    doc.title ?? EVIDENCE_KIND_LABELS[doc.kind],
    "=".repeat(Math.min(80, (doc.title ?? EVIDENCE_KIND_LABELS[doc.kind]).length)),
    "",
    `Document type: ${EVIDENCE_KIND_LABELS[doc.kind]}`,
    `Effective date: ${doc.effectiveDate}`,
    `File: ${doc.fileName}`,
    `Uploaded to Assay by: ${doc.uploadedBy}`,
    "",
    ...EVIDENCE_BODIES[doc.kind].flatMap((p) => [p, ""]),
    "-- end of demo document --",
    "",
  ];
  return lines.join("\n");
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

// ---------------------------------------------------------------- building

class DossierAssembler {
  readonly documents: EvidenceDocument[] = [];
  private readonly fileNames = new Set<string>();

  constructor(
    private readonly now: Date,
    private readonly spec: VendorSpec,
  ) {}

  /** Adds a document and returns its id. `uploader` defaults by kind. */
  document(kind: EvidenceKind, title: string, fileStem: string, effectiveDate: string, uploader?: string): string {
    const id = `doc-${this.documents.length + 1}`;
    let fileName = `${this.spec.slug}-${fileStem}.txt`;
    for (let n = 2; this.fileNames.has(fileName); n += 1) fileName = `${this.spec.slug}-${fileStem}-${n}.txt`;
    this.fileNames.add(fileName);
    const uploadedBy = uploader ?? (kind === "insurance_certificate" ? PROCUREMENT : SECURITY);
    const uploadDay = earlier(addDays(effectiveDate, 6), daysFromNow(this.now, -1));
    const base = {
      id,
      kind,
      title,
      fileName,
      mimeType: DEMO_EVIDENCE_MIME_TYPE,
      uploadedAt: uploadInstant(this.now, uploadDay, 9 + (this.documents.length % 7)),
      uploadedBy,
      effectiveDate,
    };
    const text = demoEvidenceText(base);
    this.documents.push({ ...base, sha256: sha256Hex(text), sizeBytes: Buffer.byteLength(text, "utf8") });
    return id;
  }
}

/** One demo vendor's dossier, every date computed from `now`. */
export function buildDossier(spec: VendorSpec, now: Date): Dossier {
  const a = new DossierAssembler(now, spec);
  const today = daysFromNow(now, 0);

  const sites: DeliverySite[] = spec.sites.map((s) => {
    const base = { id: `site-${s.key}`, country: s.country ?? spec.country, city: s.city, headcount: s.headcount };
    if (s.mode === "remote") {
      return { ...base, mode: "remote", edr: s.edr ?? true, vpn: s.vpn ?? true, mfa: s.mfa ?? true, vdi: s.vdi ?? true };
    }
    return { ...base, mode: "onsite" };
  });

  const soc2Reports: Soc2Report[] = spec.soc2.map((r, i) => {
    const type = r.type ?? "type2";
    const periodEnd = monthEndAgo(now, r.periodEndMonthsAgo);
    const periodStart = type === "type1" ? periodEnd : monthStartAgo(now, r.periodEndMonthsAgo + (r.periodMonths ?? 12) - 1);
    const issueDate = earlier(addDays(periodEnd, 45), daysFromNow(now, -5));
    const typeLabel = type === "type1" ? "Type I" : "Type II";
    const when = type === "type1" ? `as of ${readable(periodEnd)}` : `${readable(periodStart)} to ${readable(periodEnd)}`;
    const evidenceId = a.document(
      "soc2_report",
      `${spec.legalName} - SOC 2 ${typeLabel} report, ${when} (${r.auditor})`,
      `soc2-${type === "type1" ? "type1" : "type2"}-${periodEnd.slice(0, 4)}`,
      issueDate,
    );
    return {
      id: `soc2-${i + 1}`,
      type,
      periodStart,
      periodEnd,
      issueDate,
      auditor: r.auditor,
      opinion: r.opinion ?? "unqualified",
      exceptionCount: r.exceptions ?? 0,
      carvedOutSubservices: r.carvedOut ?? [],
      bridgeLetterDate: r.bridgeLetterDaysAgo === undefined ? undefined : daysFromNow(now, -r.bridgeLetterDaysAgo),
      evidenceId,
    };
  });

  const allSiteIds = sites.map((s) => s.id);
  const isoCertificates: IsoCertificate[] = spec.iso.map((c, i) => {
    const expiryDate = daysFromNow(now, c.expiresInDays);
    const issueDate = addYears(expiryDate, -3);
    const version = c.version ?? "2022";
    const evidenceId = a.document(
      "iso_certificate",
      `${spec.legalName} - ISO/IEC 27001:${version} certificate ${c.number}, valid until ${readable(expiryDate)} (${c.body})`,
      `iso27001-certificate-${issueDate.slice(0, 4)}`,
      issueDate,
    );
    return {
      id: `iso-${i + 1}`,
      certificateNumber: c.number,
      certificationBody: c.body,
      accredited: c.accredited ?? true,
      standardVersion: version,
      issueDate,
      expiryDate,
      scopeText: c.scope,
      coveredSiteIds: c.covers ? c.covers.map((k) => `site-${k}`) : allSiteIds,
      evidenceId,
    };
  });

  const pentests: Pentest[] = spec.pentests.map((p, i) => {
    const performedOn = monthsAgo(now, p.monthsAgo);
    const reportDay = earlier(addDays(performedOn, 14), daysFromNow(now, -2));
    const evidenceId = a.document(
      "pentest_report",
      `${spec.legalName} - penetration test (VAPT) report, ${readable(performedOn)} (${p.provider})`,
      `vapt-report-${performedOn.slice(0, 7)}`,
      reportDay,
    );
    return { id: `pentest-${i + 1}`, performedOn, provider: p.provider, scope: p.scope, openCriticalHigh: p.openCriticalHigh ?? 0, evidenceId };
  });

  const securityPolicies = spec.policy
    ? [
        (() => {
          const approvedOn = monthsAgo(now, spec.policy.approvedMonthsAgo);
          const evidenceId = a.document(
            "security_policy",
            `${spec.legalName} - ${spec.policy.title}, approved ${readable(approvedOn)}`,
            "information-security-policy",
            approvedOn,
          );
          return { id: "policy-1", title: spec.policy.title, approvedOn, evidenceId };
        })(),
      ]
    : [];

  const incidentResponsePlans = spec.irp
    ? [
        (() => {
          const lastTestedOn = spec.irp.testedMonthsAgo === undefined ? undefined : monthsAgo(now, spec.irp.testedMonthsAgo);
          const effective = lastTestedOn ?? monthsAgo(now, 6);
          const evidenceId = a.document(
            "incident_response_plan",
            `${spec.legalName} - Incident response plan${lastTestedOn ? `, last tabletop exercise ${readable(lastTestedOn)}` : " (not yet exercised)"}`,
            "incident-response-plan",
            effective,
          );
          return { id: "irp-1", lastTestedOn, evidenceId };
        })(),
      ]
    : [];

  const continuityPlans = spec.bcp
    ? [
        (() => {
          const lastTestedOn = spec.bcp.testedMonthsAgo === undefined ? undefined : monthsAgo(now, spec.bcp.testedMonthsAgo);
          const evidenceId = a.document(
            "bcp",
            `${spec.legalName} - Business continuity plan${lastTestedOn ? `, tested ${readable(lastTestedOn)}` : ""}`,
            "business-continuity-plan",
            lastTestedOn ?? monthsAgo(now, 6),
          );
          return { id: "bcp-1", lastTestedOn, evidenceId };
        })(),
      ]
    : [];

  const insurancePolicies: InsurancePolicy[] = spec.insurance.map((p, i) => {
    const expiryDate = daysFromNow(now, p.expiresInDays);
    const inception = addYears(expiryDate, -1);
    const currency = p.currency ?? "USD";
    const policyNumber = `${p.policyPrefix}-${inception.slice(0, 4)}-${p.policySerial}`;
    const evidenceId = a.document(
      "insurance_certificate",
      `${spec.legalName} - cyber liability certificate, ${p.carrier} policy ${policyNumber}, ${currency} ${p.perOccurrence.toLocaleString("en-US")} per occurrence, ${readable(inception)} to ${readable(expiryDate)}`,
      `cyber-insurance-certificate-${inception.slice(0, 4)}`,
      inception,
      PROCUREMENT,
    );
    return {
      id: `insurance-${i + 1}`,
      carrier: p.carrier,
      policyNumber,
      perOccurrenceMinor: p.perOccurrence * 100,
      aggregateMinor: p.aggregate * 100,
      currency,
      expiryDate,
      additionalInsured: p.additionalInsured ?? true,
      evidenceId,
    };
  });

  for (const code of [...Object.keys(spec.controls ?? {}), ...(spec.unassessed ?? [])]) {
    if (!CATALOGUE_CODES.has(code)) throw new Error(`Demo vendor ${spec.name}: unknown control ${code}`);
  }
  const unassessed = new Set(spec.unassessed ?? []);
  const controls: ControlAssessment[] = CATALOGUE.filter((c) => !unassessed.has(c.code)).map((c) => {
    const raw = spec.controls?.[c.code] ?? "in_place";
    const control = typeof raw === "string" ? { status: raw } : raw;
    const evidenceId =
      "evidence" in control && control.evidence
        ? a.document("other", `${spec.legalName} - ${control.evidence}`, `evidence-${c.code.replace(/[._]/g, "-")}`, monthsAgo(now, 2))
        : undefined;
    return { id: `control-${c.code}`, code: c.code, status: control.status, note: "note" in control ? control.note : undefined, evidenceId };
  });

  const kpis: KpiPeriod[] = spec.kpis.map((k) => {
    const period = quarterAgo(now, k.quartersAgo);
    const value = (key: KpiKey, fallback: number): number | undefined => {
      const v = k[key];
      return v === null ? undefined : (v ?? fallback);
    };
    return {
      id: `kpi-${period.toLowerCase()}`,
      period,
      phishingFailurePct: value("phishingFailurePct", 3.2),
      escalationRatePct: value("escalationRatePct", 91),
      verificationBypassCount: value("verificationBypassCount", 0),
      meanTimeToEscalateMinutes: value("meanTimeToEscalateMinutes", 6),
      trainingCompletionPct: value("trainingCompletionPct", 98),
      privilegeReviewAgeDays: value("privilegeReviewAgeDays", 58),
    };
  });

  const incidents: Incident[] = (spec.incidents ?? []).map((inc, i) => {
    const detectedMs = Date.parse(hoursAgo(now, inc.detectedHoursAgo));
    return {
      id: `incident-${i + 1}`,
      detectedAt: instant(detectedMs),
      notifiedAt: inc.notifiedAfterHours === undefined ? undefined : instant(detectedMs + inc.notifiedAfterHours * 3_600_000),
      severity: inc.severity,
      summary: inc.summary,
      personalDataInvolved: inc.personalData,
    };
  });

  // Signed contracts are filed by procurement, which collects the countersigned copies.
  const legal = demoLegal({
    slug: spec.slug,
    legalName: spec.legalName,
    dataCategories: spec.dataCategories,
    industries: spec.industries,
    sites,
    dates: { monthsAgo: (m) => monthsAgo(now, m), daysFromNow: (d) => daysFromNow(now, d), addDays, today },
    addDocument: (title, fileStem, effectiveDate) => a.document("contract", title, fileStem, effectiveDate, PROCUREMENT),
  });

  const securityReviews: SecurityReview[] = (spec.reviews ?? []).map((r, i) => ({
    id: `review-${i + 1}`,
    heldOn: earlier(monthsAgo(now, r.monthsAgo, r.extraDays ?? 0), today),
    attendees: r.attendees,
    notes: r.notes,
    followUps: r.followUps ?? [],
  }));

  return {
    formatVersion: DOSSIER_FORMAT_VERSION,
    profile: {
      id: `vendor-${spec.slug}`,
      name: spec.name,
      legalName: spec.legalName,
      website: spec.website,
      country: spec.country,
      services: spec.services,
      industries: spec.industries,
      dataCategories: spec.dataCategories,
      accessLevel: spec.accessLevel,
      status: spec.status,
      ownerEmail: spec.owner === "procurement" ? PROCUREMENT : SECURITY,
    },
    sites,
    documents: a.documents,
    soc2Reports,
    isoCertificates,
    pentests,
    securityPolicies,
    incidentResponsePlans,
    continuityPlans,
    insurancePolicies,
    controlCatalogue: CATALOGUE,
    controls,
    kpis,
    incidents,
    securityReviews,
    legal,
  };
}
