import type { Dossier } from "@/lib/schemas/dossier";
import { emptyLegalDossier, type LegalDossier } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import {
  ASSESSMENT_STATE_LABELS,
  pendingSignOffRoles,
  SIGN_OFF_DECISION_LABELS,
  SIGN_OFF_ROLE_LABELS,
  type AssessmentState,
  type SignOffDecision,
  type SignOffRole,
} from "./assessment-workflow";
import { formatDayForPeople, formatInstantForPeople, formatIsoDay, parseInstant, type DayInput } from "../dates";
import { EVIDENCE_KIND_LABELS, type EvidenceKind } from "../dossier-vocabulary";
import type { Finding } from "../findings/finding";
import { ADEQUACY_REFERENCE } from "../legal/adequacy";
import { CLAUSE_CATALOGUE } from "../legal/clause-catalogue";
import { clauseReviewRows } from "../legal/clause-review";
import { legalContextFor } from "../legal/legal-context";
import { CONTRACT_TYPE_LABELS, type ClauseStatus } from "../legal/legal-vocabulary";
import { transferMatrixFor, transferRowWords } from "../legal/transfer-matrix";
import type { TransferRegime } from "../legal/transfers";
import { nextAssessmentDue } from "./next-due";
import { readerSource } from "../findings/reader-source";
import { countryName } from "../reference/countries";
import { committeeArithmetic, roundTenth, type ArithmeticLine } from "./report-arithmetic";
import { recommendationFor, type Recommendation } from "./report-recommendation";
import { isRiskAcceptanceExpired } from "./risk-acceptance";
import { REMEDIATION_STATUS_LABELS, isRemediationOverdue, type RemediationStatus } from "./remediation";
import { CAP_LABELS } from "../scoring/caps";
import { SCORING_DOMAIN_TITLES } from "../scoring/domains";
import { formatLimit, formatPoints, formatScore } from "../scoring/format";
import { CHECK_RESULT_LABELS, type CapResult, type DomainScore, type Rating, type ScoreCheck, type ScoreResult } from "../scoring/types";
import { TIER_LABELS, SEVERITIES, type Severity, type Tier } from "../vocabulary";

// The assessment report: one model built from a frozen assessment, printed by
// both the assessment page (app/(app)/assessments/[id]) and the PDF
// (lib/server/pdf/assessment-report.tsx), so the screen and the paper show the
// same numbers, sentences and tables (README.md, Architecture: "the screen, the PDF
// and the CLI show the same numbers").
//
// Everything here derives from the snapshot: the frozen dossier, settings,
// findings and score. Nothing reads today's data, so a report of version 3
// prints the same in a year. Sign-offs and remediation items are the workflow
// on top of the snapshot (who decided what about it, and what was done since);
// the report prints their state as of `generatedAt`. The clause catalogue and
// the adequacy list are reference data shipped with the application; the
// report names their version and date.

export const SEVERITY_TITLES: Record<Severity, string> = { blocker: "Blockers", high: "High", medium: "Medium", low: "Low" };

export interface ReportSignOff {
  role: SignOffRole;
  decision: SignOffDecision;
  comment: string;
  signedByName: string;
  signedByEmail?: string | null;
  signedAt: DayInput;
}

export interface ReportRemediation {
  id: string;
  title: string;
  findingCode?: string | null;
  /** The finding the item remedies, as frozen when the item was set: its message and the record it concerns. */
  findingMessage?: string | null;
  findingSubjectLabel?: string | null;
  ownerName?: string | null;
  dueDate: string;
  status: string;
  closingNote?: string | null;
  closingEvidence?: { fileName: string; sha256: string } | null;
}

/** A risk acceptance recorded on the assessment (docs/assessments.md, "Risk acceptance"). */
export interface ReportRiskAcceptance {
  id: string;
  acceptedByName: string;
  reason: string;
  findings: readonly { key: string; code: string; message: string }[];
  expiresOn: string;
  createdAt: DayInput;
}

export interface RiskAcceptanceRow extends ReportRiskAcceptance {
  recordedText: string;
  expiresText: string;
  expired: boolean;
}

export interface ReportInput {
  assessment: {
    id: string;
    version: number;
    state: AssessmentState;
    createdAt: DayInput;
    submittedAt?: DayInput | null;
    decidedAt?: DayInput | null;
    nextDueAt?: DayInput | null;
    createdByName: string;
  };
  /** The frozen snapshot. */
  dossier: Dossier;
  settings: Settings;
  findings: readonly Finding[];
  score: ScoreResult;
  signOffs: readonly ReportSignOff[];
  remediation: readonly ReportRemediation[];
  riskAcceptances?: readonly ReportRiskAcceptance[];
  generatedAt: Date;
  /** Who the report is for: the organisation's name and optional logo (admin settings). */
  organisation?: { name: string; logo?: ReportLogo | null } | null;
  /** The snapshot against today's dossier, when known; a stale snapshot says so on page 1. */
  freshness?: { stale: boolean; changedSections: readonly string[]; settingsChanged: boolean } | null;
}

export interface ReportLogo {
  data: Uint8Array;
  mimeType: "image/png" | "image/jpeg";
}

export interface ChartBar {
  key: string;
  label: string;
  weight: number;
  /** Domain score 0-100 (null: excluded). */
  score: number | null;
  scoreText: string;
  /** Points earned out of the weight. */
  contribution: number;
  contributionText: string;
  weightText: string;
  included: boolean;
}

export interface CheckGroup {
  key: string;
  title: string;
  domain: DomainScore;
  /** "Assurance: 4.5 of 6 points = 75.0". */
  line: string;
  /** Checks with a result; unknown ones are listed once under "evidence not yet provided". */
  checks: (ScoreCheck & { resultLabel: string; pointsText: string })[];
}

/** One check the vendor has not yet given evidence for (it scores 0 until it does). */
export interface MissingEvidenceRow {
  domainTitle: string;
  title: string;
  required: string;
}

/** A finding as the committee reads it: no rule codes, the source as a reader knows it. */
export interface FindingView {
  severity: Severity;
  message: string;
  observed?: string;
  threshold?: string;
  sourceLabel: string;
}

export interface FindingGroup {
  severity: Severity;
  title: string;
  findings: readonly FindingView[];
}

export interface EvidenceRow {
  id: string;
  title: string;
  kindLabel: string;
  fileName: string;
  effectiveDate: string;
  uploadedAt: string;
  uploadedBy: string;
  sha256Prefix: string;
  sha256: string;
  usedBy: string[];
}

export interface ClauseRow {
  code: string;
  title: string;
  status: ClauseStatus;
  statusLabel: string;
  citation: string;
  value: string;
  note: string;
}

export interface TransferRowView {
  country: string;
  countryLabel: string;
  processedBy: string;
  regime: TransferRegime;
  regimeLabel: string;
  mechanismLabel: string;
  issue?: string;
  issueSeverity?: Severity;
}

export interface SignOffRow {
  role: SignOffRole;
  roleLabel: string;
  decisionLabel: string;
  name: string;
  date: string;
  comment: string;
  /** A decision recorded without a word of explanation. */
  blankComment: boolean;
  /** "Approve" against a rating whose band calls for something stricter. */
  againstRating: string | null;
  pending: boolean;
}

export interface RemediationRow extends ReportRemediation {
  /** The finding the item fixes, in words (never its rule code). */
  findingText: string;
  statusLabel: string;
  dueText: string;
  overdue: boolean;
  closingEvidenceText: string;
}

export interface AssessmentReport {
  cover: {
    organisationName: string | null;
    logo: ReportLogo | null;
    /** "The dossier has changed since this snapshot: …", or null when it has not (or is unknown). */
    freshnessNotice: string | null;
    vendorName: string;
    legalName: string;
    country: string;
    tier: Tier;
    tierLabel: string;
    rating: Rating;
    finalScore: number;
    finalScoreText: string;
    overallText: string;
    version: number;
    assessmentDate: string;
    assessmentDay: string;
    assessor: string;
    stateLabel: string;
    state: AssessmentState;
    nextDue: { date: string; reason: string } | null;
  };
  recommendation: Recommendation;
  summary: string[];
  chart: ChartBar[];
  arithmetic: ArithmeticLine[];
  caps: (CapResult & { title: string })[];
  checkGroups: CheckGroup[];
  missingEvidence: MissingEvidenceRow[];
  findingCounts: Record<Severity, number>;
  findingGroups: FindingGroup[];
  evidence: EvidenceRow[];
  clauses: ClauseRow[];
  clauseCatalogueNote: string;
  transfers: TransferRowView[];
  transferNote: string;
  signOffs: SignOffRow[];
  remediation: RemediationRow[];
  riskAcceptances: RiskAcceptanceRow[];
  generatedAt: Date;
}

export function buildAssessmentReport(input: ReportInput): AssessmentReport {
  const { dossier, settings, score, findings, assessment } = input;
  const tier = score.tier;
  const findingCounts = countBySeverity(findings);
  const nextDue = assessment.nextDueAt ? nextDueText(dossier, settings, assessment.createdAt, assessment.nextDueAt) : null;
  const cover = {
    vendorName: dossier.profile.name,
    legalName: dossier.profile.legalName,
    country: countryName(dossier.profile.country),
    tier,
    tierLabel: TIER_LABELS[tier],
    rating: score.rating,
    finalScore: score.final,
    finalScoreText: formatScore(score.final),
    overallText: formatScore(score.overall),
    version: assessment.version,
    assessmentDate: formatDayForPeople(assessment.createdAt),
    assessmentDay: formatIsoDay(assessment.createdAt),
    assessor: assessment.createdByName,
    stateLabel: ASSESSMENT_STATE_LABELS[assessment.state],
    state: assessment.state,
    nextDue,
    organisationName: input.organisation?.name?.trim() || null,
    logo: input.organisation?.logo ?? null,
    freshnessNotice: freshnessNotice(input.freshness),
  };
  const signOffs = signOffRows(input.signOffs, score.rating);
  const remediation = input.remediation.map((r) => remediationRow(r, findings, input.generatedAt));
  return {
    cover,
    recommendation: recommendationFor({ rating: score.rating, caps: score.caps, findings, signOffs: input.signOffs, remediation: input.remediation, state: assessment.state, stale: input.freshness?.stale ?? false }),
    summary: executiveSummary(input, findingCounts, signOffs, remediation, cover.nextDue),
    chart: score.domains.map(chartBar),
    arithmetic: committeeArithmetic(score),
    caps: score.caps.map((c) => ({ ...c, title: capTitle(c) })),
    checkGroups: checkGroups(score),
    missingEvidence: missingEvidence(score),
    findingCounts,
    findingGroups: SEVERITIES.map((severity) => ({
      severity,
      title: SEVERITY_TITLES[severity],
      findings: findings.filter((f) => f.severity === severity).map(findingView),
    })).filter((g) => g.findings.length > 0),
    evidence: evidenceRows(dossier),
    clauses: clauseRows(dossier, settings),
    clauseCatalogueNote: `Clause catalogue version ${CLAUSE_CATALOGUE.version}.`,
    transfers: transferRows(dossier, settings),
    transferNote: `Adequacy decisions as of ${formatDayForPeople(ADEQUACY_REFERENCE.asOf)} (${ADEQUACY_REFERENCE.source}).`,
    signOffs,
    remediation,
    riskAcceptances: (input.riskAcceptances ?? []).map((a) => ({
      ...a,
      recordedText: formatDayForPeople(a.createdAt),
      expiresText: formatDayForPeople(a.expiresOn),
      expired: isRiskAcceptanceExpired(a, input.generatedAt),
    })),
    generatedAt: input.generatedAt,
  };
}

function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { blocker: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

function capTitle(cap: CapResult): string {
  return `Ceiling of ${formatLimit(cap.limit)}: ${CAP_LABELS[cap.code as keyof typeof CAP_LABELS] ?? cap.label}`;
}

function chartBar(d: DomainScore): ChartBar {
  return {
    key: d.key,
    label: d.label,
    weight: d.weight,
    score: d.included ? d.score : null,
    // Rounded like the arithmetic lines (report-arithmetic.ts), so the chart and the sums agree.
    scoreText: d.included && d.score !== null ? `${roundTenth(d.score)} of 100` : "excluded",
    contribution: d.contribution,
    contributionText: `${roundTenth(d.contribution)} points`,
    weightText: formatLimit(d.weight),
    included: d.included,
  };
}

function checkGroups(score: ScoreResult): CheckGroup[] {
  return score.domains.map((domain) => ({
    key: domain.key,
    title: SCORING_DOMAIN_TITLES[domain.key] ?? domain.label,
    domain,
    line: domain.included
      ? `${domain.label}: ${formatPoints(domain.earned)} of ${domain.checksCounted} check points = ${roundTenth(domain.score ?? 0)} out of 100`
      : `${domain.label}: no applicable checks, excluded`,
    checks: score.checks
      .filter((c) => c.domain === domain.key && c.result !== "unknown")
      .map((c) => ({ ...c, resultLabel: CHECK_RESULT_LABELS[c.result], pointsText: c.points === null ? "n/a" : formatPoints(c.points) })),
  }));
}

/** Every check still waiting for evidence, in one list instead of a failure row each. */
function missingEvidence(score: ScoreResult): MissingEvidenceRow[] {
  const titles = new Map(score.domains.map((d) => [d.key, SCORING_DOMAIN_TITLES[d.key] ?? d.label]));
  return score.checks
    .filter((c) => c.result === "unknown")
    .map((c) => ({ domainTitle: titles.get(c.domain) ?? c.domain, title: c.title, required: c.threshold }));
}

function findingView(f: Finding): FindingView {
  return { severity: f.severity, message: f.message, observed: f.observed, threshold: f.threshold, sourceLabel: readerSource(f.source) };
}

function freshnessNotice(freshness: ReportInput["freshness"]): string | null {
  if (!freshness?.stale) return null;
  const what = [...freshness.changedSections, ...(freshness.settingsChanged ? ["the organisation's thresholds"] : [])];
  return `The dossier has changed since this snapshot was taken (${listInWords(what)}). This report shows the vendor as it was then; re-assess before relying on it.`;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** Plain words for a reader who will not read the tables. */
function executiveSummary(
  input: ReportInput,
  counts: Record<Severity, number>,
  signOffs: SignOffRow[],
  remediation: RemediationRow[],
  nextDue: { date: string; reason: string } | null,
): string[] {
  const { dossier, score, assessment } = input;
  const name = dossier.profile.name;
  const out: string[] = [];
  out.push(
    `${name} is a ${TIER_LABELS[score.tier]}-tier vendor. On ${formatDayForPeople(assessment.createdAt)} it scored ${formatScore(score.final)} out of 100, ` +
      `which is ${score.rating.label === "Low residual risk" ? "low residual risk" : `${score.rating.label.toLowerCase()} residual risk`}; the policy for this band is: ${score.rating.decision.toLowerCase()}.`,
  );
  const lowered = score.caps.filter((c) => c.triggered && c.lowered);
  if (lowered.length > 0) {
    out.push(
      `Before the ceilings the weighted score was ${roundTenth(score.overall)}. It was held down by ${listInWords(lowered.map((c) => CAP_LABELS[c.code] ?? c.label))}.`,
    );
  }
  const included = score.domains.filter((d) => d.included && d.score !== null);
  if (included.length > 0) {
    const best = included.reduce((a, b) => ((b.score ?? 0) > (a.score ?? 0) ? b : a));
    const worst = included.reduce((a, b) => ((b.score ?? 0) < (a.score ?? 0) ? b : a));
    out.push(
      best.key === worst.key
        ? `Every domain scored ${roundTenth(best.score ?? 0)} out of 100.`
        : `The strongest area is ${best.label.toLowerCase()} (${roundTenth(best.score ?? 0)} out of 100); the weakest is ${worst.label.toLowerCase()} (${roundTenth(worst.score ?? 0)}).`,
    );
  }
  const total = counts.blocker + counts.high + counts.medium + counts.low;
  if (total === 0) {
    out.push("No rule raised a finding.");
  } else {
    const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => (s === "blocker" ? plural(counts[s], "blocker") : `${counts[s]} ${s}`));
    out.push(
      `The review raised ${plural(total, "finding")}: ${listInWords(parts)}.` +
        (counts.blocker > 0 ? ` Blockers must be resolved before the vendor can be approved; the first is: ${input.findings.find((f) => f.severity === "blocker")?.message}` : ""),
    );
  }
  const state = assessment.state;
  if (state === "draft") out.push("This version is a draft: it has not been submitted for sign-off.");
  else if (state === "in_review") {
    const pending = signOffs.filter((s) => s.pending).map((s) => s.roleLabel.toLowerCase());
    out.push(`This version is in review${pending.length > 0 ? `, awaiting sign-off from ${listInWords(pending)}` : ""}.`);
  } else {
    out.push(
      `Decision: ${ASSESSMENT_STATE_LABELS[state].toLowerCase()}${assessment.decidedAt ? ` on ${formatDayForPeople(assessment.decidedAt)}` : ""}, signed off by procurement, legal and security.`,
    );
  }
  if (remediation.length > 0) {
    const open = remediation.filter((r) => r.status === "open" || r.status === "in_progress").length;
    const overdue = remediation.filter((r) => r.overdue).length;
    out.push(
      `${plural(remediation.length, "remediation item")} ${remediation.length === 1 ? "was" : "were"} set as conditions; ${open} still open${overdue > 0 ? `, ${overdue} overdue` : ""}.`,
    );
  }
  if (nextDue) out.push(`The next assessment is due by ${nextDue.date} (${nextDue.reason}).`);
  return out;
}

/**
 * The reason behind the stored due date, recomputed from the snapshot (the
 * rule is pure, so the same snapshot and day give the same reason).
 */
function nextDueText(dossier: Dossier, settings: Settings, createdAt: DayInput, nextDueAt: DayInput): { date: string; reason: string } {
  const stored = formatIsoDay(nextDueAt);
  const computed = nextAssessmentDue(dossier, settings, parseInstant(createdAt));
  const reason = computed.date === stored ? computed.reason : "set when the assessment was made";
  return { date: formatDayForPeople(stored), reason: lowerFirst(reason) };
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) && !/^(SOC|ISO|Critical|High|Moderate|Low)\b/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function evidenceRows(dossier: Dossier): EvidenceRow[] {
  const usedBy = new Map<string, string[]>();
  const link = (evidenceId: string | undefined, label: string) => {
    if (!evidenceId) return;
    usedBy.set(evidenceId, [...(usedBy.get(evidenceId) ?? []), label]);
  };
  for (const r of dossier.soc2Reports) link(r.evidenceId, `SOC 2 report (period ended ${formatDayForPeople(r.periodEnd)})`);
  for (const c of dossier.isoCertificates) link(c.evidenceId, `ISO 27001 certificate ${c.certificateNumber}`);
  for (const p of dossier.pentests) link(p.evidenceId, `Penetration test of ${formatDayForPeople(p.performedOn)}`);
  for (const p of dossier.securityPolicies) link(p.evidenceId, "Information security policy");
  for (const p of dossier.incidentResponsePlans) link(p.evidenceId, "Incident response plan");
  for (const p of dossier.continuityPlans) link(p.evidenceId, "Business continuity plan");
  for (const p of dossier.insurancePolicies) link(p.evidenceId, `Insurance policy ${p.policyNumber}`);
  for (const c of dossier.controls) link(c.evidenceId, `Control ${c.code}`);
  for (const c of legalOf(dossier).contracts) link(c.evidenceId, c.title ?? CONTRACT_TYPE_LABELS[c.type]);
  return [...dossier.documents]
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? 1 : a.effectiveDate > b.effectiveDate ? -1 : a.fileName.localeCompare(b.fileName)))
    .map((d) => ({
      id: d.id,
      title: d.title ?? EVIDENCE_KIND_LABELS[d.kind as EvidenceKind] ?? d.kind,
      kindLabel: EVIDENCE_KIND_LABELS[d.kind as EvidenceKind] ?? d.kind,
      fileName: d.fileName,
      effectiveDate: formatDayForPeople(d.effectiveDate),
      uploadedAt: formatDayForPeople(d.uploadedAt),
      uploadedBy: d.uploadedBy,
      sha256Prefix: d.sha256.slice(0, 16),
      sha256: d.sha256,
      usedBy: usedBy.get(d.id) ?? [],
    }));
}

/** The legal review of a snapshot; a snapshot made before legal data existed has none. */
function legalOf(dossier: Dossier): LegalDossier {
  return (dossier as { legal?: LegalDossier }).legal ?? emptyLegalDossier();
}

function clauseRows(dossier: Dossier, settings: Settings): ClauseRow[] {
  return clauseReviewRows(legalOf(dossier), legalContextFor(dossier, settings), settings).map((r) => ({
    code: r.clause.code,
    title: r.clause.title,
    status: r.status,
    statusLabel: r.statusLabel,
    citation: r.citationLabel ?? "",
    value: r.valueText ?? "",
    note: r.row?.reviewerNote ?? "",
  }));
}

function transferRows(dossier: Dossier, settings: Settings): TransferRowView[] {
  return transferMatrixFor(legalOf(dossier), legalContextFor(dossier, settings)).map((row) => {
    const words = transferRowWords(row);
    return {
      country: row.country,
      countryLabel: words.countryLabel,
      processedBy: words.processedBy,
      regime: row.regime,
      regimeLabel: words.regimeLabel,
      mechanismLabel: words.mechanismLabel,
      issue: row.finding?.message,
      issueSeverity: row.finding?.severity,
    };
  });
}

function signOffRows(signOffs: readonly ReportSignOff[], rating: Rating): SignOffRow[] {
  const recorded = [...signOffs].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const rows: SignOffRow[] = recorded.map((s) => ({
    role: s.role,
    roleLabel: SIGN_OFF_ROLE_LABELS[s.role],
    decisionLabel: SIGN_OFF_DECISION_LABELS[s.decision],
    name: s.signedByName,
    date: formatInstantForPeople(s.signedAt),
    comment: s.comment.trim(),
    blankComment: s.decision !== "submit" && s.comment.trim() === "",
    againstRating: againstRating(s.decision, rating),
    pending: false,
  }));
  for (const role of pendingSignOffRoles(signOffs)) {
    rows.push({ role, roleLabel: SIGN_OFF_ROLE_LABELS[role], decisionLabel: "Pending", name: "", date: "", comment: "", blankComment: false, againstRating: null, pending: true });
  }
  return rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
}

/**
 * An approval the rating does not support (docs/rules.md §9): any approval of a
 * Critical rating, a plain approve of a High or Medium one. Shown next to the
 * decision so a reader sees it without comparing two pages.
 */
function againstRating(decision: SignOffDecision, rating: Rating): string | null {
  if (decision === "submit" || decision === "reject") return null;
  if (rating.band === "critical") return `The rating is ${rating.label}: the policy is to reject.`;
  if (decision === "approve" && rating.band !== "low") return `The rating is ${rating.label}: the policy is "${rating.decision.toLowerCase()}", not a plain approval.`;
  return null;
}

const ROLE_ORDER: Record<SignOffRole, number> = { procurement: 0, legal: 1, security: 2 };

function remediationRow(r: ReportRemediation, findings: readonly Finding[], now: Date): RemediationRow {
  const overdue = isRemediationOverdue(r, now);
  // A code several findings share (one per unassessed control) cannot name the finding; print nothing rather than guess.
  const sameCode = r.findingCode ? findings.filter((f) => f.code === r.findingCode) : [];
  return {
    ...r,
    findingText: r.findingMessage ?? (sameCode.length === 1 ? sameCode[0]!.message : ""),
    statusLabel: REMEDIATION_STATUS_LABELS[r.status as RemediationStatus] ?? r.status,
    dueText: formatDayForPeople(r.dueDate),
    overdue,
    closingEvidenceText: r.closingEvidence ? `${r.closingEvidence.fileName} (SHA-256 ${r.closingEvidence.sha256.slice(0, 16)}…)` : "",
  };
}

/** "assay-<vendor-slug>-v<version>-<YYYY-MM-DD>.pdf", the date being the assessment's day. */
export function assessmentReportFileName(vendorName: string, version: number, assessmentDay: string): string {
  const slug =
    vendorName
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/g, "") || "vendor";
  return `assay-${slug}-v${version}-${assessmentDay}.pdf`;
}
