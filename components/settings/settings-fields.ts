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
  /** A list of whole numbers of days, edited as "60, 30, 7". */
  | { kind: "dayList"; path: SettingsPath; label: string; help: string }
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

// One builder per kind of field, so each setting below reads as one line:
// path, label, unit (numbers only) and what it changes.
const group = (id: string, title: string, intro: string, fields: SettingsField[]): SettingsGroup => ({ id, title, intro, fields });
/** A whole number: days, months, hours, attempts. */
const integer = (path: SettingsPath, label: string, unit: string, help: string): SettingsField => ({ kind: "number", path, label, unit, help });
/** A number edited in tenths: weights, score limits, percentages. */
const decimal = (path: SettingsPath, label: string, unit: string, help: string): SettingsField => ({ kind: "number", path, label, unit, help, step: 0.1 });
const money = (path: SettingsPath, label: string, help: string): SettingsField => ({ kind: "money", path, label, help });
const mebibytes = (path: SettingsPath, label: string, help: string): SettingsField => ({ kind: "mebibytes", path, label, help });
const text = (path: SettingsPath, label: string, help: string): SettingsField => ({ kind: "text", path, label, help });
const choices = (path: SettingsPath, label: string, help: string, options: { value: string; label: string }[]): SettingsField => ({ kind: "choices", path, label, help, options });

export const SETTINGS_GROUPS: SettingsGroup[] = [
  group("weights", "Scoring weights", "How much each domain counts in the overall score (a weighted mean of the domain scores). The weights must add up to 100.",
    scoringDomainKeys.map((key) => decimal(`scoring.weights.${key}`, SCORING_DOMAIN_TITLES[key], "% of the score", WEIGHT_HELP[key])),
  ),
  group("caps", "Score ceilings", "The worst open finding bounds the rating: ceilings applied after the weighted mean, the lowest one wins. Each must lie inside the band it names.", [
    decimal("scoring.caps.highFinding", "Open high finding", "points, inside Medium", "Highest score while any high finding is open, so one serious gap keeps the vendor out of Low."),
    decimal("scoring.caps.blocker", "Open blocker", "points, inside High", "Highest score while any blocker is open: missing 24h notification or right to audit for Critical/High, Chapter V exposure, verification bypass, no signed DPA."),
    decimal("scoring.caps.noAssurance", "No independent assurance (Moderate/Low tier)", "points, inside High", "Highest score when there is neither a current SOC 2 Type II report nor a valid ISO/IEC 27001 certificate."),
    decimal("scoring.caps.noAssuranceElevated", "No independent assurance (Critical/High tier)", "points, inside Critical", "The same, for a Critical or High tier vendor: the rating is Critical (reject)."),
  ]),
  group("bands", "Rating bands", "Where each rating starts. A score exactly on a limit gets the better rating; below High is Critical (reject). Limits must be strictly decreasing.", [
    decimal("scoring.bands.low", "Low residual risk (approve) from", "points", "Scores at or above this are rated Low."),
    decimal("scoring.bands.medium", "Medium (approve with conditions) from", "points", "Scores from here up to the Low limit are rated Medium."),
    decimal("scoring.bands.high", "High (approval only with a risk acceptance) from", "points", "Scores from here up to the Medium limit are rated High; anything lower is Critical."),
  ]),
  group("signOff", "Sign-off", "What a High rating needs before approval: a recorded risk acceptance, which holds for a limited time.", [
    integer("signOff.riskAcceptanceMaxDays", "Risk acceptance holds at most", "days", "The longest expiry a risk acceptance may have. Once it expires it becomes a high finding until it is renewed or the findings are fixed."),
  ]),
  group("assurance", "Assurance evidence", "When SOC 2 reports, certificates and test reports stop counting.", [
    integer("assurance.soc2StaleMonths", "SOC 2 report stale after", "months since period end", "A report older than this is a lapse and no longer satisfies Critical/High vendors."),
    integer("assurance.soc2DueMonths", "SOC 2 renewal due from", "months since period end", "From this age the report is flagged as due for renewal."),
    integer("assurance.soc2BridgeLetterGapMonths", "Bridge letter expected after", "months without cover", "A gap since period end (or the last bridge letter) longer than this needs a bridge letter."),
    integer("assurance.isoExpiringDays", "ISO 27001 certificate expiring within", "days", "Certificates this close to expiry are flagged so the renewal can be requested."),
    integer("assurance.pentestMaxAgeMonths", "Penetration test stale after", "months", "The latest VAPT report must be at most this old."),
    integer("assurance.incidentResponseTestMaxAgeMonths", "Incident response plan tested at least every", "months", "A plan not exercised within this period counts as half a control."),
  ]),
  group("insurance", "Cyber liability insurance", "The financial backstop. Limits are compared only in this currency.", [
    text("insurance.currency", "Currency", "Three-letter ISO 4217 code of the minimums, e.g. USD."),
    money("insurance.minimumElevatedMinor", "Minimum per occurrence, Critical/High or fintech/healthcare", "Required per-occurrence limit for Critical/High vendors and any fintech or healthcare engagement."),
    money("insurance.minimumStandardMinor", "Minimum per occurrence, other vendors", "Required per-occurrence limit for Moderate and Low vendors."),
    integer("insurance.expiringDays", "Policy expiring within", "days", "Policies this close to expiry are flagged so the renewal certificate can be requested."),
  ]),
  group("kpis", "Security KPIs", "Thresholds for the quarterly KPIs.", [
    decimal("kpis.phishingWatchPct", "Phishing failure rate: watch from", "%", "Below this is good; from here up to the retraining level is the watch band (partial)."),
    decimal("kpis.phishingHighPct", "Phishing failure rate: retrain above", "%", "Above this agents need immediate retraining (fail)."),
    decimal("kpis.meanTimeToEscalateMaxMinutes", "Mean time to escalate under", "minutes", "Suspicious requests must reach the escalation path faster than this."),
    decimal("kpis.trainingCompletionMinPct", "Training completion at least", "%", "Share of agents who completed security training in the period."),
    integer("kpis.privilegeReviewMaxDays", "Privileges reviewed within", "days", "Maximum age of the last privilege review."),
  ]),
  group("contract", "Contract clauses", "What the legal review requires of the contract.", [
    integer("contract.incidentNotificationMaxHours", "Incident notification within", "hours", "Longest notification deadline accepted; leaves room inside GDPR Art. 33's 72 hours. Also the SLA incidents are judged against."),
    integer("contract.auditNoticeMaxDays", "Audit notice at most", "days", "Longest notice before an audit that still counts as reasonable."),
    integer("contract.trainingCadenceMaxMonths", "Agent training at least every", "months", "Required training cadence in the contract."),
    integer("contract.trainingCadenceSensitiveMaxMonths", "Agent training, sensitive engagements, at least every", "months", "Cadence when the vendor handles the data categories or industries below."),
    choices("contract.trainingSensitiveDataCategories", "Data categories that need the sensitive cadence", "Financial or health data by default.", DATA_CATEGORIES.map((c) => ({ value: c, label: DATA_CATEGORY_LABELS[c] }))),
    choices("contract.trainingSensitiveIndustries", "Industries that need the sensitive cadence", "Fintech and healthcare by default.", INDUSTRIES.map((i) => ({ value: i, label: INDUSTRY_LABELS[i] }))),
  ]),
  group("reviews", "Review cadence", "How often vendors are reassessed and reviewed with their security lead.", [
    integer("reviews.cadenceElevatedMonths", "Critical/High vendors every", "months", "Quarterly by default; also the security review cadence."),
    integer("reviews.cadenceStandardMonths", "Moderate/Low vendors every", "months", "Annual by default."),
  ]),
  group("uploads", "Evidence uploads", "Limits on uploaded evidence files.", [mebibytes("uploads.maxBytes", "Largest file", "Uploads above this size are refused.")]),
  group("login", "Sign-in protection", "Failed sign-ins block the client that made them, never the account: the right password from elsewhere still gets in, after a short delay while an account is under attack.", [
    integer("login.clientAccountMaxFailures", "Failures per account from one client", "attempts", "Then that client is blocked for that e-mail address."),
    integer("login.clientMaxFailures", "Failures from one client", "attempts", "Across all e-mail addresses; then the client is blocked."),
    integer("login.windowMinutes", "Counting window", "minutes", "Failures older than this are forgotten."),
    integer("login.blockMinutes", "Client block", "minutes", "How long a blocked client must wait."),
    integer("login.accountFailuresBeforeDelay", "Failures on one account before slowing down", "attempts", "From any client; each further failure doubles the delay."),
    integer("login.maxDelaySeconds", "Longest delay", "seconds", "The delay never grows past this (at most 30)."),
  ]),
  group("reminders", "Reminders", "Each owner gets a daily digest of their items that reach a window, fall due or go overdue (blocker alerts and sign-off requests are sent at once).", [
    { kind: "dayList", path: "reminders.windowsDays", label: "Remind before the date at", help: "Days before an expiry or deadline, separated by commas; each item is reminded once per window, and again on the day and once overdue." },
    integer("reminders.hourUtc", "Send the daily digest at", "hour, UTC (0-23)", "The server runs the reminder job once a day at this hour."),
  ]),
  group("sessions", "Sessions", "A session ends when it has been idle too long, or is too old, whichever comes first.", [
    integer("sessions.idleMinutes", "Idle timeout", "minutes", "Signed out after this long without a request."),
    integer("sessions.absoluteHours", "Absolute timeout", "hours", "Signed out this long after signing in, however active (at most 24)."),
  ]),
];
