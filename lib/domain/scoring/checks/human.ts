import type { KpiPeriod } from "@/lib/schemas/dossier";
import { describeElapsed, formatDayForPeople, hoursBetween, isMoreThanMonthsAfter } from "../../dates";
import { latestBy } from "../../findings/rules/context";
import { SOURCES } from "../../findings/rules/sources";
import { notificationDelayHours } from "../../kpis/incident-notification";
import { TIER_LABELS } from "../../vocabulary";
import type { CheckResult, ScoreCheck } from "../types";
import type { ScoringContext } from "../context";
import { makeCheck, type CheckFamily } from "./make-check";

// Human protocols, training & KPIs (docs/rules.md §6-7, weight 15), besides the
// human-protocol and governance controls (controls.ts): the latest KPI
// period, the security review cadence and incident notification.

const domain = "humanProtocols" as const;
const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const num = (n: number) => NUMBER_FORMAT.format(n);

type KpiKey = Exclude<keyof KpiPeriod, "id" | "period">;

interface KpiRule {
  key: KpiKey;
  code: string;
  title: string;
  source: string;
  threshold: (ctx: ScoringContext) => string;
  judge: (value: number, ctx: ScoringContext) => CheckResult;
  format: (value: number) => string;
}

// docs/rules.md thresholds, read from settings.kpis (docs/rules.md §7 table).
const KPI_RULES: KpiRule[] = [
  {
    key: "phishingFailurePct",
    code: "kpi.phishing_failure",
    title: "Phishing simulation failure rate",
    source: SOURCES.phishing,
    threshold: ({ settings: { kpis: k } }) => `below ${num(k.phishingWatchPct)}% (${num(k.phishingWatchPct)}-${num(k.phishingHighPct)}%: partial; above ${num(k.phishingHighPct)}%: fail)`,
    judge: (v, { settings: { kpis: k } }) => (v > k.phishingHighPct ? "fail" : v >= k.phishingWatchPct ? "partial" : "pass"),
    format: (v) => `${num(v)}%`,
  },
  {
    key: "verificationBypassCount",
    code: "kpi.verification_bypass",
    title: "Verification bypass incidents",
    source: SOURCES.verificationBypass,
    threshold: () => "0",
    judge: (v) => (v > 0 ? "fail" : "pass"),
    format: (v) => `${v} bypass incident${v === 1 ? "" : "s"}`,
  },
  {
    key: "meanTimeToEscalateMinutes",
    code: "kpi.mean_time_to_escalate",
    title: "Mean time to escalate a suspicious request",
    source: SOURCES.escalationTime,
    threshold: ({ settings: { kpis: k } }) => `under ${num(k.meanTimeToEscalateMaxMinutes)} minutes`,
    judge: (v, { settings: { kpis: k } }) => (v >= k.meanTimeToEscalateMaxMinutes ? "fail" : "pass"),
    format: (v) => `${num(v)} minutes`,
  },
  {
    key: "trainingCompletionPct",
    code: "kpi.training_completion",
    title: "Security training completion",
    source: SOURCES.training,
    threshold: ({ settings: { kpis: k } }) => `at least ${num(k.trainingCompletionMinPct)}%`,
    judge: (v, { settings: { kpis: k } }) => (v < k.trainingCompletionMinPct ? "fail" : "pass"),
    format: (v) => `${num(v)}%`,
  },
  {
    key: "privilegeReviewAgeDays",
    code: "kpi.privilege_review_age",
    title: "Privilege review ageing",
    source: SOURCES.privilegeReview,
    threshold: ({ settings: { kpis: k } }) => `reviewed within ${k.privilegeReviewMaxDays} days`,
    judge: (v, { settings: { kpis: k } }) => (v > k.privilegeReviewMaxDays ? "fail" : "pass"),
    format: (v) => `${v} days`,
  },
];

function kpiChecks(ctx: ScoringContext): ScoreCheck[] {
  // "YYYY-Qn" sorts chronologically as text.
  const periods = [...ctx.dossier.kpis].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const latest = periods[periods.length - 1];
  const subject = latest ? { kind: "kpi_period", id: latest.id, label: `KPIs ${latest.period}` } : { kind: "kpi_period" };
  const checks = KPI_RULES.map((rule) => {
    const base = { domain, code: rule.code, title: rule.title, source: rule.source, threshold: rule.threshold(ctx), subject };
    if (!latest) return makeCheck(base, "unknown", "no KPI period recorded");
    const value = latest[rule.key];
    if (value === undefined) return makeCheck(base, "unknown", `not reported for ${latest.period}`);
    return makeCheck(base, rule.judge(value, ctx), `${rule.format(value)} in ${latest.period}`);
  });

  // docs/rules.md: the escalation rate should be high and trending up; a fall against the last period that reported it fails.
  const trend = (() => {
    const base = {
      domain,
      code: "kpi.escalation_rate_trend",
      title: "Social-engineering escalation rate holding or rising",
      source: SOURCES.escalationRate,
      threshold: "no fall against the previous period that reported it",
      subject,
    };
    if (!latest) return makeCheck(base, "unknown", "no KPI period recorded");
    const rate = latest.escalationRatePct;
    if (rate === undefined) return makeCheck(base, "unknown", `not reported for ${latest.period}`);
    const previous = periods
      .slice(0, -1)
      .reverse()
      .find((p) => p.escalationRatePct !== undefined);
    if (previous?.escalationRatePct === undefined) return makeCheck(base, "pass", `${num(rate)}% in ${latest.period}, no earlier period to compare`);
    const observed = `${num(rate)}% in ${latest.period}, ${num(previous.escalationRatePct)}% in ${previous.period}`;
    return makeCheck(base, rate < previous.escalationRatePct ? "fail" : "pass", observed);
  })();

  return [...checks, trend];
}

/** docs/rules.md: quarterly security reviews with the vendor, required for Critical/High vendors. */
function reviewCheck(ctx: ScoringContext): ScoreCheck {
  const cadence = ctx.settings.reviews.cadenceElevatedMonths;
  const base = {
    domain,
    code: "reviews.security_review_cadence",
    title: "Security reviews held on cadence",
    source: SOURCES.securityReviews,
    threshold: `a review at least every ${cadence} months for Critical/High vendors`,
    subject: { kind: "security_review" },
  };
  if (!ctx.elevated) return makeCheck(base, "not_applicable", `${TIER_LABELS[ctx.tier.tier]} vendor`);
  const last = latestBy(ctx.dossier.securityReviews, (r) => r.heldOn);
  if (!last) return makeCheck(base, "unknown", "no review recorded");
  const overdue = isMoreThanMonthsAfter(last.heldOn, cadence, ctx.now);
  return makeCheck(base, overdue ? "fail" : "pass", `last held ${formatDayForPeople(last.heldOn)} (${describeElapsed(last.heldOn, ctx.now)} ago)`, { subject: { kind: "security_review", id: last.id, label: `Security review of ${formatDayForPeople(last.heldOn)}` } });
}

/** docs/rules.md / GDPR Art. 33: every incident notified within the contract's SLA. */
function incidentCheck(ctx: ScoringContext): ScoreCheck {
  const maxHours = ctx.settings.contract.incidentNotificationMaxHours;
  const base = {
    domain,
    code: "incidents.notified_within_sla",
    title: "Incidents notified within the SLA",
    source: SOURCES.incidentNotification,
    threshold: `every incident notified within ${maxHours} hours of detection`,
    subject: { kind: "incident" },
  };
  const incidents = ctx.dossier.incidents;
  if (incidents.length === 0) return makeCheck(base, "not_applicable", "no incident recorded");
  // A notice not yet given is late once the window has passed; inside the window it is not (yet) a breach.
  const late = incidents.filter((i) => {
    const delay = notificationDelayHours(i);
    return delay === null ? hoursBetween(i.detectedAt, ctx.now) > maxHours : delay > maxHours;
  });
  if (late.length === 0) return makeCheck(base, "pass", `${incidents.length} incident${incidents.length === 1 ? "" : "s"}, none notified late`);
  return makeCheck(base, "fail", `${late.length} of ${incidents.length} notified late or not at all (detected ${late.map((i) => formatDayForPeople(i.detectedAt)).join(", ")})`);
}

export const humanChecks: CheckFamily = (ctx) => [...kpiChecks(ctx), reviewCheck(ctx), incidentCheck(ctx)];
