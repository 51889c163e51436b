import type { Path } from "react-hook-form";
import { SCORING_DOMAIN_TITLES } from "@/lib/domain/scoring/domains";
import { DATA_CATEGORIES, DATA_CATEGORY_LABELS, INDUSTRIES, INDUSTRY_LABELS } from "@/lib/domain/vocabulary";
import { scoringDomainKeys, type Settings } from "@/lib/schemas/settings";

// What the admin settings form shows for every setting: grouped, labelled,
// with its unit and a sentence on what it changes. The values and their
// validation come from settingsSchema; this file is presentation only.

export type SettingsPath = Path<Settings>;

export type SettingsField =
  | { kind: "number"; path: SettingsPath; label: string; unit: string; help: string; step?: number }
  /** Integer minor units edited in major units of the insurance currency. */
  | { kind: "money"; path: SettingsPath; label: string; help: string }
  /** Bytes edited in MiB. */
  | { kind: "mebibytes"; path: SettingsPath; label: string; help: string }
  | { kind: "text"; path: SettingsPath; label: string; help: string }
  | { kind: "choices"; path: SettingsPath; label: string; help: string; options: { value: string; label: string }[] };

export interface SettingsGroup {
  id: string;
  title: string;
  intro: string;
  fields: SettingsField[];
}

const WEIGHT_HELP: Record<(typeof scoringDomainKeys)[number], string> = {
  assurance: "SOC 2, ISO/IEC 27001, penetration test, policy, incident response and continuity plans.",
  contractual: "Signed MSA and the contract clauses (right to audit, 24h notification, liability, insurance, training…).",
  dataProtection: "DPA, GDPR transfer mechanisms, sub-processors, data residency and return/deletion clauses.",
  accessEndpoint: "Access, endpoint, physical and email controls, and remote agents' EDR/VPN/MFA/VDI.",
  humanProtocols: "Verification and escalation protocols, governance controls, security KPIs, reviews and incident notification.",
  financial: "Cyber liability insurance in force and above the minimum.",
};

export const SETTINGS_GROUPS: SettingsGroup[] = [
  {
    id: "weights",
    title: "Scoring weights",
    intro: "How much each domain counts in the overall score (a weighted mean of the domain scores). The weights must add up to 100.",
    fields: scoringDomainKeys.map((key) => ({
      kind: "number" as const,
      path: `scoring.weights.${key}` as SettingsPath,
      label: SCORING_DOMAIN_TITLES[key],
      unit: "% of the score",
      help: WEIGHT_HELP[key],
      step: 0.1,
    })),
  },
  {
    id: "caps",
    title: "Score ceilings",
    intro: "The worst open finding bounds the rating: ceilings applied after the weighted mean, the lowest one wins. Each must lie inside the band it names.",
    fields: [
      {
        kind: "number",
        path: "scoring.caps.highFinding",
        label: "Open high finding",
        unit: "points, inside Medium",
        help: "Highest score while any high finding is open, so one serious gap keeps the vendor out of Low.",
        step: 0.1,
      },
      {
        kind: "number",
        path: "scoring.caps.blocker",
        label: "Open blocker",
        unit: "points, inside High",
        help: "Highest score while any blocker is open: missing 24h notification or right to audit for Critical/High, Chapter V exposure, verification bypass, no signed DPA.",
        step: 0.1,
      },
      {
        kind: "number",
        path: "scoring.caps.noAssurance",
        label: "No independent assurance (Moderate/Low tier)",
        unit: "points, inside High",
        help: "Highest score when there is neither a current SOC 2 Type II report nor a valid ISO/IEC 27001 certificate.",
        step: 0.1,
      },
      {
        kind: "number",
        path: "scoring.caps.noAssuranceElevated",
        label: "No independent assurance (Critical/High tier)",
        unit: "points, inside Critical",
        help: "The same, for a Critical or High tier vendor: the rating is Critical (reject).",
        step: 0.1,
      },
    ],
  },
  {
    id: "bands",
    title: "Rating bands",
    intro: "Where each rating starts. A score exactly on a limit gets the better rating; below High is Critical (reject). Limits must be strictly decreasing.",
    fields: [
      { kind: "number", path: "scoring.bands.low", label: "Low residual risk (approve) from", unit: "points", help: "Scores at or above this are rated Low.", step: 0.1 },
      { kind: "number", path: "scoring.bands.medium", label: "Medium (approve with conditions) from", unit: "points", help: "Scores from here up to the Low limit are rated Medium.", step: 0.1 },
      { kind: "number", path: "scoring.bands.high", label: "High (approval only with a risk acceptance) from", unit: "points", help: "Scores from here up to the Medium limit are rated High; anything lower is Critical.", step: 0.1 },
    ],
  },
  {
    id: "signOff",
    title: "Sign-off",
    intro: "What a High rating needs before approval: a recorded risk acceptance, which holds for a limited time.",
    fields: [
      {
        kind: "number",
        path: "signOff.riskAcceptanceMaxDays",
        label: "Risk acceptance holds at most",
        unit: "days",
        help: "The longest expiry a risk acceptance may have. Once it expires it becomes a high finding until it is renewed or the findings are fixed.",
      },
    ],
  },
  {
    id: "assurance",
    title: "Assurance evidence",
    intro: "When SOC 2 reports, certificates and test reports stop counting.",
    fields: [
      { kind: "number", path: "assurance.soc2StaleMonths", label: "SOC 2 report stale after", unit: "months since period end", help: "A report older than this is a lapse and no longer satisfies Critical/High vendors." },
      { kind: "number", path: "assurance.soc2DueMonths", label: "SOC 2 renewal due from", unit: "months since period end", help: "From this age the report is flagged as due for renewal." },
      { kind: "number", path: "assurance.soc2BridgeLetterGapMonths", label: "Bridge letter expected after", unit: "months without cover", help: "A gap since period end (or the last bridge letter) longer than this needs a bridge letter." },
      { kind: "number", path: "assurance.isoExpiringDays", label: "ISO 27001 certificate expiring within", unit: "days", help: "Certificates this close to expiry are flagged so the renewal can be requested." },
      { kind: "number", path: "assurance.pentestMaxAgeMonths", label: "Penetration test stale after", unit: "months", help: "The latest VAPT report must be at most this old." },
      { kind: "number", path: "assurance.incidentResponseTestMaxAgeMonths", label: "Incident response plan tested at least every", unit: "months", help: "A plan not exercised within this period counts as half a control." },
    ],
  },
  {
    id: "insurance",
    title: "Cyber liability insurance",
    intro: "The financial backstop. Limits are compared only in this currency.",
    fields: [
      { kind: "text", path: "insurance.currency", label: "Currency", help: "Three-letter ISO 4217 code of the minimums, e.g. USD." },
      { kind: "money", path: "insurance.minimumElevatedMinor", label: "Minimum per occurrence, Critical/High or fintech/healthcare", help: "Required per-occurrence limit for Critical/High vendors and any fintech or healthcare engagement." },
      { kind: "money", path: "insurance.minimumStandardMinor", label: "Minimum per occurrence, other vendors", help: "Required per-occurrence limit for Moderate and Low vendors." },
      { kind: "number", path: "insurance.expiringDays", label: "Policy expiring within", unit: "days", help: "Policies this close to expiry are flagged so the renewal certificate can be requested." },
    ],
  },
  {
    id: "kpis",
    title: "Security KPIs",
    intro: "Thresholds for the quarterly KPIs.",
    fields: [
      { kind: "number", path: "kpis.phishingWatchPct", label: "Phishing failure rate: watch from", unit: "%", help: "Below this is good; from here up to the retraining level is the watch band (partial).", step: 0.1 },
      { kind: "number", path: "kpis.phishingHighPct", label: "Phishing failure rate: retrain above", unit: "%", help: "Above this agents need immediate retraining (fail).", step: 0.1 },
      { kind: "number", path: "kpis.meanTimeToEscalateMaxMinutes", label: "Mean time to escalate under", unit: "minutes", help: "Suspicious requests must reach the escalation path faster than this.", step: 0.1 },
      { kind: "number", path: "kpis.trainingCompletionMinPct", label: "Training completion at least", unit: "%", help: "Share of agents who completed security training in the period.", step: 0.1 },
      { kind: "number", path: "kpis.privilegeReviewMaxDays", label: "Privileges reviewed within", unit: "days", help: "Maximum age of the last privilege review." },
    ],
  },
  {
    id: "contract",
    title: "Contract clauses",
    intro: "What the legal review requires of the contract.",
    fields: [
      { kind: "number", path: "contract.incidentNotificationMaxHours", label: "Incident notification within", unit: "hours", help: "Longest notification deadline accepted; leaves room inside GDPR Art. 33's 72 hours. Also the SLA incidents are judged against." },
      { kind: "number", path: "contract.auditNoticeMaxDays", label: "Audit notice at most", unit: "days", help: "Longest notice before an audit that still counts as reasonable." },
      { kind: "number", path: "contract.trainingCadenceMaxMonths", label: "Agent training at least every", unit: "months", help: "Required training cadence in the contract." },
      { kind: "number", path: "contract.trainingCadenceSensitiveMaxMonths", label: "Agent training, sensitive engagements, at least every", unit: "months", help: "Cadence when the vendor handles the data categories or industries below." },
      {
        kind: "choices",
        path: "contract.trainingSensitiveDataCategories",
        label: "Data categories that need the sensitive cadence",
        help: "Financial or health data by default.",
        options: DATA_CATEGORIES.map((c) => ({ value: c, label: DATA_CATEGORY_LABELS[c] })),
      },
      {
        kind: "choices",
        path: "contract.trainingSensitiveIndustries",
        label: "Industries that need the sensitive cadence",
        help: "Fintech and healthcare by default.",
        options: INDUSTRIES.map((i) => ({ value: i, label: INDUSTRY_LABELS[i] })),
      },
    ],
  },
  {
    id: "reviews",
    title: "Review cadence",
    intro: "How often vendors are reassessed and reviewed with their security lead.",
    fields: [
      { kind: "number", path: "reviews.cadenceElevatedMonths", label: "Critical/High vendors every", unit: "months", help: "Quarterly by default; also the security review cadence." },
      { kind: "number", path: "reviews.cadenceStandardMonths", label: "Moderate/Low vendors every", unit: "months", help: "Annual by default." },
    ],
  },
  {
    id: "uploads",
    title: "Evidence uploads",
    intro: "Limits on uploaded evidence files.",
    fields: [{ kind: "mebibytes", path: "uploads.maxBytes", label: "Largest file", help: "Uploads above this size are refused." }],
  },
  {
    id: "login",
    title: "Sign-in protection",
    intro: "Failed sign-ins block the client that made them, never the account: the right password from elsewhere still gets in, after a short delay while an account is under attack.",
    fields: [
      { kind: "number", path: "login.clientAccountMaxFailures", label: "Failures per account from one client", unit: "attempts", help: "Then that client is blocked for that e-mail address." },
      { kind: "number", path: "login.clientMaxFailures", label: "Failures from one client", unit: "attempts", help: "Across all e-mail addresses; then the client is blocked." },
      { kind: "number", path: "login.windowMinutes", label: "Counting window", unit: "minutes", help: "Failures older than this are forgotten." },
      { kind: "number", path: "login.blockMinutes", label: "Client block", unit: "minutes", help: "How long a blocked client must wait." },
      { kind: "number", path: "login.accountFailuresBeforeDelay", label: "Failures on one account before slowing down", unit: "attempts", help: "From any client; each further failure doubles the delay." },
      { kind: "number", path: "login.maxDelaySeconds", label: "Longest delay", unit: "seconds", help: "The delay never grows past this (at most 30)." },
    ],
  },
  {
    id: "sessions",
    title: "Sessions",
    intro: "A session ends when it has been idle too long, or is too old, whichever comes first.",
    fields: [
      { kind: "number", path: "sessions.idleMinutes", label: "Idle timeout", unit: "minutes", help: "Signed out after this long without a request." },
      { kind: "number", path: "sessions.absoluteHours", label: "Absolute timeout", unit: "hours", help: "Signed out this long after signing in, however active (at most 24)." },
    ],
  },
];
