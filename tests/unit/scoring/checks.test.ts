import { describe, expect, it } from "vitest";
import type { CheckResult } from "@/lib/domain/scoring/types";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { controlsWith, MODERATE_PROFILE, NOW } from "../helpers/dossier-builder";
import { changed, checkOf, score, scoringDossier } from "../helpers/scoring-builder";

// One row per rule outcome: change one fact of the clean dossier, expect one
// check's result. NOW is 15 Mar 2026 (helpers/dossier-builder.ts).

interface Row {
  name: string;
  change: (d: Dossier) => void;
  code: string;
  result: CheckResult;
  /** Words the observed value must contain. */
  observed?: RegExp;
}

const clause = (d: Dossier, code: string) => d.legal.clauseReviews.find((r) => r.clauseCode === code)!;
const latestKpi = (d: Dossier) => d.kpis[d.kpis.length - 1]!;

const ROWS: Row[] = [
  // ---- assurance: SOC 2
  { name: "no SOC 2 report", change: (d) => void (d.soc2Reports = []), code: "assurance.soc2_type2_current", result: "unknown", observed: /no SOC 2 report/ },
  { name: "SOC 2 Type II 2.5 months old", change: () => {}, code: "assurance.soc2_type2_current", result: "pass" },
  { name: "SOC 2 Type II 12.5 months old is due but still current", change: (d) => void Object.assign(d.soc2Reports[0]!, { periodStart: "2024-03-01", periodEnd: "2025-02-28", issueDate: "2025-04-01" }), code: "assurance.soc2_type2_current", result: "pass", observed: /due for renewal/ },
  { name: "SOC 2 exactly 14 months after period end is not yet stale", change: (d) => void Object.assign(d.soc2Reports[0]!, { periodStart: "2024-01-15", periodEnd: "2025-01-15", issueDate: "2025-02-01" }), code: "assurance.soc2_type2_current", result: "pass" },
  { name: "SOC 2 14 months and 1 day after period end is stale", change: (d) => void Object.assign(d.soc2Reports[0]!, { periodStart: "2024-01-14", periodEnd: "2025-01-14", issueDate: "2025-02-01" }), code: "assurance.soc2_type2_current", result: "fail", observed: /stale/ },
  { name: "only a SOC 2 Type I", change: (d) => void (d.soc2Reports[0]!.type = "type1"), code: "assurance.soc2_type2_current", result: "partial", observed: /Type I only/ },
  { name: "no SOC 2: bridge letter unknown", change: (d) => void (d.soc2Reports = []), code: "assurance.soc2_bridge_letter", result: "unknown" },
  { name: "gap of 2.5 months needs no bridge letter", change: () => {}, code: "assurance.soc2_bridge_letter", result: "pass" },
  { name: "gap of 3.5 months without bridge letter", change: (d) => void Object.assign(d.soc2Reports[0]!, { periodStart: "2024-12-01", periodEnd: "2025-11-30", issueDate: "2026-01-10" }), code: "assurance.soc2_bridge_letter", result: "fail", observed: /3 months and 15 days/ },
  { name: "gap covered by a recent bridge letter", change: (d) => void Object.assign(d.soc2Reports[0]!, { periodStart: "2024-12-01", periodEnd: "2025-11-30", issueDate: "2026-01-10", bridgeLetterDate: "2026-02-20" }), code: "assurance.soc2_bridge_letter", result: "pass", observed: /bridge letter of 20 Feb 2026/ },
  { name: "unqualified, no exceptions", change: () => {}, code: "assurance.soc2_opinion", result: "pass" },
  { name: "unqualified with exceptions", change: (d) => void (d.soc2Reports[0]!.exceptionCount = 2), code: "assurance.soc2_opinion", result: "partial", observed: /2 exceptions/ },
  { name: "qualified opinion", change: (d) => void (d.soc2Reports[0]!.opinion = "qualified"), code: "assurance.soc2_opinion", result: "partial" },
  { name: "adverse opinion", change: (d) => void (d.soc2Reports[0]!.opinion = "adverse"), code: "assurance.soc2_opinion", result: "fail" },
  { name: "disclaimer of opinion", change: (d) => void (d.soc2Reports[0]!.opinion = "disclaimer"), code: "assurance.soc2_opinion", result: "fail" },
  { name: "no SOC 2: opinion unknown", change: (d) => void (d.soc2Reports = []), code: "assurance.soc2_opinion", result: "unknown" },

  // ---- assurance: ISO 27001
  { name: "no ISO certificate", change: (d) => void (d.isoCertificates = []), code: "assurance.iso27001_valid", result: "unknown" },
  { name: "accredited 2022 certificate", change: () => {}, code: "assurance.iso27001_valid", result: "pass" },
  { name: "expired certificate", change: (d) => void (d.isoCertificates[0]!.expiryDate = "2026-03-14"), code: "assurance.iso27001_valid", result: "fail", observed: /expired on 14 Mar 2026/ },
  { name: "certificate expiring today still valid", change: (d) => void (d.isoCertificates[0]!.expiryDate = "2026-03-15"), code: "assurance.iso27001_valid", result: "pass" },
  { name: "2013 edition after the IAF MD 26 transition", change: (d) => void (d.isoCertificates[0]!.standardVersion = "2013"), code: "assurance.iso27001_valid", result: "fail", observed: /2013/ },
  { name: "unaccredited certification body", change: (d) => void (d.isoCertificates[0]!.accredited = false), code: "assurance.iso27001_valid", result: "partial", observed: /not an accredited body/ },
  { name: "scope covers every site", change: () => {}, code: "assurance.iso27001_scope", result: "pass", observed: /2 of 2/ },
  { name: "scope covers one of two sites", change: (d) => void (d.isoCertificates[0]!.coveredSiteIds = ["site-manila"]), code: "assurance.iso27001_scope", result: "partial", observed: /1 of 2/ },
  { name: "scope covers no site", change: (d) => void (d.isoCertificates[0]!.coveredSiteIds = []), code: "assurance.iso27001_scope", result: "fail" },
  { name: "only an expired certificate covers the sites", change: (d) => void (d.isoCertificates[0]!.expiryDate = "2026-01-01"), code: "assurance.iso27001_scope", result: "fail", observed: /no valid certificate/ },
  { name: "no sites to cover", change: (d) => void ((d.sites = []), (d.isoCertificates[0]!.coveredSiteIds = [])), code: "assurance.iso27001_scope", result: "unknown" },
  { name: "no certificate: scope unknown", change: (d) => void (d.isoCertificates = []), code: "assurance.iso27001_scope", result: "unknown" },

  // ---- assurance: documents
  { name: "recent clean pentest", change: () => {}, code: "assurance.pentest", result: "pass" },
  { name: "no pentest", change: (d) => void (d.pentests = []), code: "assurance.pentest", result: "unknown" },
  { name: "pentest 12 months old exactly", change: (d) => void (d.pentests[0]!.performedOn = "2025-03-15"), code: "assurance.pentest", result: "pass" },
  { name: "pentest 12 months and 1 day old", change: (d) => void (d.pentests[0]!.performedOn = "2025-03-14"), code: "assurance.pentest", result: "fail" },
  { name: "pentest with open critical/high findings", change: (d) => void (d.pentests[0]!.openCriticalHigh = 2), code: "assurance.pentest", result: "partial", observed: /2 open/ },
  { name: "approved security policy", change: () => {}, code: "assurance.security_policy", result: "pass" },
  { name: "no security policy", change: (d) => void (d.securityPolicies = []), code: "assurance.security_policy", result: "unknown" },
  { name: "incident response plan tested 6 months ago", change: () => {}, code: "assurance.incident_response_plan", result: "pass" },
  { name: "no incident response plan", change: (d) => void (d.incidentResponsePlans = []), code: "assurance.incident_response_plan", result: "unknown" },
  { name: "incident response plan never tested", change: (d) => void delete d.incidentResponsePlans[0]!.lastTestedOn, code: "assurance.incident_response_plan", result: "partial", observed: /never tested/ },
  { name: "incident response test overdue", change: (d) => void (d.incidentResponsePlans[0]!.lastTestedOn = "2025-03-01"), code: "assurance.incident_response_plan", result: "partial" },
  { name: "continuity plan on file", change: () => {}, code: "assurance.continuity_plan", result: "pass" },
  { name: "no continuity plan", change: (d) => void (d.continuityPlans = []), code: "assurance.continuity_plan", result: "unknown" },

  // ---- contractual
  { name: "signed auto-renewing MSA", change: () => {}, code: "contract.msa_in_force", result: "pass" },
  { name: "no MSA", change: (d) => void (d.legal.contracts = d.legal.contracts.filter((c) => c.type !== "msa")), code: "contract.msa_in_force", result: "unknown" },
  { name: "MSA only a draft", change: (d) => void (d.legal.contracts[0]!.status = "draft"), code: "contract.msa_in_force", result: "fail", observed: /draft/ },
  { name: "MSA ended without renewal", change: (d) => void Object.assign(d.legal.contracts[0]!, { renewal: "manual", termEnd: "2026-03-14" }), code: "contract.msa_in_force", result: "fail", observed: /ended 14 Mar 2026/ },
  { name: "MSA inside its notice period", change: (d) => void Object.assign(d.legal.contracts[0]!, { renewal: "manual", termEnd: "2026-05-01", noticePeriodDays: 90 }), code: "contract.msa_in_force", result: "partial", observed: /notice period/ },
  { name: "MSA ending after its notice period", change: (d) => void Object.assign(d.legal.contracts[0]!, { renewal: "manual", termEnd: "2026-07-01", noticePeriodDays: 90 }), code: "contract.msa_in_force", result: "pass" },
  { name: "right to audit present", change: () => {}, code: "clause.right_to_audit", result: "pass" },
  { name: "right to audit limited to reports", change: (d) => void (clause(d, "right_to_audit").auditScope = "reports_only"), code: "clause.right_to_audit", result: "partial", observed: /reports only/ },
  { name: "right to audit missing", change: (d) => void Object.assign(clause(d, "right_to_audit"), { presence: "missing" }), code: "clause.right_to_audit", result: "fail" },
  { name: "right to audit not reviewed", change: (d) => void (d.legal.clauseReviews = d.legal.clauseReviews.filter((r) => r.clauseCode !== "right_to_audit")), code: "clause.right_to_audit", result: "unknown", observed: /not reviewed/ },
  { name: "notification within 48 h deviates", change: (d) => void (clause(d, "incident_notification").hours = 48), code: "clause.incident_notification", result: "partial", observed: /48 h/ },
  { name: "liability cap below the insurance minimum", change: (d) => void (clause(d, "liability_cap").amountMinor = 100_000_000), code: "clause.liability_cap", result: "partial", observed: /\$1,000,000/ },
  { name: "training yearly where quarterly is required", change: (d) => void (clause(d, "security_training").months = 12), code: "clause.security_training", result: "partial" },
  { name: "clause marked not applicable", change: (d) => void Object.assign(clause(d, "cyber_insurance"), { presence: "not_applicable" }), code: "clause.cyber_insurance", result: "not_applicable" },
  {
    name: "no legal section at all (an old snapshot)",
    change: (d) => void delete (d as Partial<Dossier>).legal,
    code: "clause.incident_notification",
    result: "unknown",
    observed: /no legal review/,
  },

  // ---- data protection
  { name: "signed DPA", change: () => {}, code: "data.dpa_signed", result: "pass" },
  { name: "DPA in draft", change: (d) => void (d.legal.dpa = { status: "draft" }), code: "data.dpa_signed", result: "partial" },
  { name: "no DPA", change: (d) => void (d.legal.dpa = { status: "none" }), code: "data.dpa_signed", result: "fail" },
  { name: "no personal data: no DPA needed", change: (d) => void (d.profile.dataCategories = []), code: "data.dpa_signed", result: "not_applicable" },
  { name: "SCCs with TIA for every third country", change: () => {}, code: "data.transfer_mechanisms", result: "pass", observed: /India/ },
  { name: "SCCs without a TIA", change: (d) => void delete d.legal.transferMechanisms[1]!.tiaDate, code: "data.transfer_mechanisms", result: "partial" },
  { name: "EU data in India with no mechanism", change: (d) => void (d.legal.transferMechanisms = d.legal.transferMechanisms.filter((t) => t.country !== "IN")), code: "data.transfer_mechanisms", result: "fail" },
  { name: "no EU residents' data", change: (d) => void ((d.profile.dataCategories = ["contact_pii"]), (d.legal.subProcessors = [])), code: "data.transfer_mechanisms", result: "not_applicable" },
  { name: "EU data processed only inside the EU", change: (d) => void ((d.sites = [{ ...d.sites[0]!, country: "PT", city: "Lisbon" }]), (d.isoCertificates[0]!.coveredSiteIds = ["site-manila"])), code: "data.transfer_mechanisms", result: "pass" },
  { name: "sub-processors authorised", change: () => {}, code: "data.subprocessors_authorised", result: "pass" },
  { name: "a sub-processor neither consented nor notified", change: (d) => void Object.assign(d.legal.subProcessors[0]!, { consented: false, notified: false }), code: "data.subprocessors_authorised", result: "fail", observed: /Ticketdesk/ },
  { name: "notified only is enough", change: (d) => void Object.assign(d.legal.subProcessors[0]!, { consented: false, notified: true }), code: "data.subprocessors_authorised", result: "pass" },
  { name: "no sub-processors", change: (d) => void (d.legal.subProcessors = []), code: "data.subprocessors_authorised", result: "not_applicable" },
  { name: "data return clause missing", change: (d) => void Object.assign(clause(d, "data_return_deletion"), { presence: "missing" }), code: "clause.data_return_deletion", result: "fail" },

  // ---- access & endpoint
  { name: "MFA in place", change: () => {}, code: "control.access.mfa_everywhere", result: "pass" },
  { name: "MFA not in place", change: (d) => void (d.controls = controlsWith("access.mfa_everywhere", "not_in_place")), code: "control.access.mfa_everywhere", result: "fail" },
  { name: "MFA partial", change: (d) => void (d.controls = controlsWith("access.mfa_everywhere", "partial")), code: "control.access.mfa_everywhere", result: "partial" },
  { name: "MFA unknown", change: (d) => void (d.controls = controlsWith("access.mfa_everywhere", "unknown")), code: "control.access.mfa_everywhere", result: "unknown" },
  { name: "MFA never assessed", change: (d) => void (d.controls = d.controls.filter((c) => c.code !== "access.mfa_everywhere")), code: "control.access.mfa_everywhere", result: "unknown", observed: /not assessed/ },
  { name: "CCTV not applicable", change: (d) => void (d.controls = controlsWith("physical.cctv", "not_applicable")), code: "control.physical.cctv", result: "not_applicable" },
  { name: "DMARC not at reject", change: (d) => void (d.controls = controlsWith("email.dmarc_reject", "not_in_place")), code: "control.email.dmarc_reject", result: "fail" },
  { name: "remote agents fully equipped", change: () => {}, code: "access.remote_site_controls", result: "pass" },
  { name: "remote agents without VDI", change: (d) => void (d.sites[1]!.vdi = false), code: "access.remote_site_controls", result: "fail", observed: /Pune, India lacks VDI/ },
  { name: "unanswered remote control counts as absent", change: (d) => void delete d.sites[1]!.mfa, code: "access.remote_site_controls", result: "fail", observed: /MFA/ },
  { name: "only on-site floors", change: (d) => void (d.sites = [d.sites[0]!]), code: "access.remote_site_controls", result: "not_applicable" },
  { name: "no sites", change: (d) => void (d.sites = []), code: "access.remote_site_controls", result: "unknown" },

  // ---- human protocols, training & KPIs
  { name: "verification tier 3 not in place", change: (d) => void (d.controls = controlsWith("human.verification_tier3_elevated", "not_in_place")), code: "control.human.verification_tier3_elevated", result: "fail" },
  { name: "phishing 4.9%", change: (d) => void (latestKpi(d).phishingFailurePct = 4.9), code: "kpi.phishing_failure", result: "pass" },
  { name: "phishing 5% enters the watch band", change: (d) => void (latestKpi(d).phishingFailurePct = 5), code: "kpi.phishing_failure", result: "partial" },
  { name: "phishing 15% still watch", change: (d) => void (latestKpi(d).phishingFailurePct = 15), code: "kpi.phishing_failure", result: "partial" },
  { name: "phishing 15.1% needs retraining", change: (d) => void (latestKpi(d).phishingFailurePct = 15.1), code: "kpi.phishing_failure", result: "fail", observed: /15\.1%/ },
  { name: "phishing not reported", change: (d) => void delete latestKpi(d).phishingFailurePct, code: "kpi.phishing_failure", result: "unknown", observed: /not reported/ },
  { name: "no KPI period at all", change: (d) => void (d.kpis = []), code: "kpi.verification_bypass", result: "unknown" },
  { name: "no verification bypass", change: () => {}, code: "kpi.verification_bypass", result: "pass" },
  { name: "one verification bypass", change: (d) => void (latestKpi(d).verificationBypassCount = 1), code: "kpi.verification_bypass", result: "fail" },
  { name: "escalation in 9.9 minutes", change: (d) => void (latestKpi(d).meanTimeToEscalateMinutes = 9.9), code: "kpi.mean_time_to_escalate", result: "pass" },
  { name: "escalation in 10 minutes", change: (d) => void (latestKpi(d).meanTimeToEscalateMinutes = 10), code: "kpi.mean_time_to_escalate", result: "fail" },
  { name: "training 95%", change: (d) => void (latestKpi(d).trainingCompletionPct = 95), code: "kpi.training_completion", result: "pass" },
  { name: "training 94.9%", change: (d) => void (latestKpi(d).trainingCompletionPct = 94.9), code: "kpi.training_completion", result: "fail" },
  { name: "privileges reviewed 90 days ago", change: (d) => void (latestKpi(d).privilegeReviewAgeDays = 90), code: "kpi.privilege_review_age", result: "pass" },
  { name: "privileges reviewed 91 days ago", change: (d) => void (latestKpi(d).privilegeReviewAgeDays = 91), code: "kpi.privilege_review_age", result: "fail" },
  { name: "escalation rate rising", change: () => {}, code: "kpi.escalation_rate_trend", result: "pass" },
  { name: "escalation rate falling", change: (d) => void (latestKpi(d).escalationRatePct = 80), code: "kpi.escalation_rate_trend", result: "fail", observed: /80% in 2025-Q4, 88% in 2025-Q3/ },
  { name: "a single period cannot fall", change: (d) => void (d.kpis = [latestKpi(d)]), code: "kpi.escalation_rate_trend", result: "pass" },
  { name: "security review within 3 months", change: () => {}, code: "reviews.security_review_cadence", result: "pass" },
  { name: "security review overdue", change: (d) => void (d.securityReviews[0]!.heldOn = "2025-12-14"), code: "reviews.security_review_cadence", result: "fail" },
  { name: "no security review", change: (d) => void (d.securityReviews = []), code: "reviews.security_review_cadence", result: "unknown" },
  { name: "moderate vendors need no quarterly review", change: (d) => void Object.assign(d.profile, MODERATE_PROFILE), code: "reviews.security_review_cadence", result: "not_applicable" },
  { name: "incident notified in 6.5 hours", change: () => {}, code: "incidents.notified_within_sla", result: "pass" },
  { name: "incident notified after 24 hours 1 minute", change: (d) => void (d.incidents[0]!.notifiedAt = "2025-10-03T08:01:00Z"), code: "incidents.notified_within_sla", result: "fail" },
  { name: "incident notified after exactly 24 hours", change: (d) => void (d.incidents[0]!.notifiedAt = "2025-10-03T08:00:00Z"), code: "incidents.notified_within_sla", result: "pass" },
  { name: "incident never notified", change: (d) => void delete d.incidents[0]!.notifiedAt, code: "incidents.notified_within_sla", result: "fail" },
  { name: "incident detected 10 hours ago, notice still due", change: (d) => void (d.incidents = [{ ...d.incidents[0]!, detectedAt: "2026-03-15T02:00:00Z", notifiedAt: undefined }]), code: "incidents.notified_within_sla", result: "pass" },
  { name: "no incidents", change: (d) => void (d.incidents = []), code: "incidents.notified_within_sla", result: "not_applicable" },

  // ---- financial backstop
  { name: "policy in force", change: () => {}, code: "insurance.in_force", result: "pass" },
  { name: "no policy", change: (d) => void (d.insurancePolicies = []), code: "insurance.in_force", result: "unknown" },
  { name: "policy expired yesterday", change: (d) => void (d.insurancePolicies[0]!.expiryDate = "2026-03-14"), code: "insurance.in_force", result: "fail" },
  { name: "limit $10M against $5M", change: () => {}, code: "insurance.per_occurrence_minimum", result: "pass" },
  { name: "limit exactly the minimum", change: (d) => void (d.insurancePolicies[0]!.perOccurrenceMinor = 500_000_000), code: "insurance.per_occurrence_minimum", result: "pass" },
  { name: "limit one cent below", change: (d) => void (d.insurancePolicies[0]!.perOccurrenceMinor = 499_999_999), code: "insurance.per_occurrence_minimum", result: "fail" },
  { name: "limit in another currency", change: (d) => void (d.insurancePolicies[0]!.currency = "EUR"), code: "insurance.per_occurrence_minimum", result: "unknown", observed: /EUR/ },
  { name: "no policy: limit unknown", change: (d) => void (d.insurancePolicies = []), code: "insurance.per_occurrence_minimum", result: "unknown" },
  { name: "moderate vendor: $2M is enough", change: (d) => void (Object.assign(d.profile, MODERATE_PROFILE), (d.insurancePolicies[0]!.perOccurrenceMinor = 200_000_000)), code: "insurance.per_occurrence_minimum", result: "pass" },
];

describe("scoring checks", () => {
  it("the clean dossier passes every check that applies", () => {
    const result = score(scoringDossier());
    const notPassing = result.checks.filter((c) => c.result !== "pass").map((c) => `${c.code}:${c.result}`);
    expect(notPassing).toEqual([]);
    expect(result.final).toBe(100);
  });

  it.each(ROWS)("$name → $code $result", (row) => {
    const check = checkOf(score(changed(row.change)), row.code);
    expect(check.result).toBe(row.result);
    expect(check.points).toBe({ pass: 1, partial: 0.5, fail: 0, unknown: 0, not_applicable: null }[row.result]);
    if (row.observed) expect(check.observed).toMatch(row.observed);
  });

  it("every check's reason states its rule's observed value and threshold, and names its source", () => {
    const dossiers = [scoringDossier(), ...ROWS.map((r) => changed(r.change))];
    for (const d of dossiers) {
      for (const check of score(d).checks) {
        expect(check.reason).toContain(check.observed);
        expect(check.reason).toContain(check.threshold);
        expect(check.source.length).toBeGreaterThan(3);
      }
    }
  });

  it("every check code is unique and every check belongs to a domain with a weight", () => {
    const result = score(scoringDossier());
    const codes = result.checks.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of result.checks) expect(Object.keys(DEFAULT_SETTINGS.scoring.weights)).toContain(c.domain);
  });

  it("every domain has checks for the clean dossier", () => {
    for (const d of score(scoringDossier()).domains) expect(d.checksCounted).toBeGreaterThan(0);
  });

  it("is deterministic: the same inputs give the same result, field for field", () => {
    const d = changed((x) => void (x.controls = controlsWith("access.rbac", "partial")));
    expect(JSON.stringify(score(structuredClone(d)))).toBe(JSON.stringify(score(d)));
    expect(score(d).scoredAt).toBe(NOW.toISOString());
  });
});
