import type { KpiPeriod } from "@/lib/schemas/dossier";
import type { Finding } from "../finding";
import type { FindingRule } from "./context";
import { listInWords } from "../subject-labels";
import { SOURCES } from "./sources";

const KPI_LABELS: Record<Exclude<keyof KpiPeriod, "id" | "period">, string> = {
  phishingFailurePct: "phishing failure rate",
  escalationRatePct: "social-engineering escalation rate",
  verificationBypassCount: "verification bypass incidents",
  meanTimeToEscalateMinutes: "mean time to escalate",
  trainingCompletionPct: "training completion",
  privilegeReviewAgeDays: "privilege review age",
};
const KPI_KEYS = Object.keys(KPI_LABELS) as (keyof typeof KPI_LABELS)[];

// One formatter for every call: toLocaleString builds a new one each time.
const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
function num(n: number): string {
  return NUMBER_FORMAT.format(n);
}

/**
 * Security KPIs (docs/rules.md §7) of the latest recorded period. Periods are
 * "YYYY-Qn", so the text order is the time order.
 */
export const kpiRules: FindingRule = (ctx) => {
  const periods = [...ctx.dossier.kpis].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const latest = periods[periods.length - 1];
  if (!latest) {
    return [
      {
        code: "kpi.none_recorded",
        severity: "low",
        message: "No security KPIs have been recorded for any period.",
        observed: "no KPI periods",
        threshold: "KPIs recorded every quarter",
        source: SOURCES.kpis,
        subject: { kind: "kpi_period" },
      },
    ];
  }
  const k = ctx.settings.kpis;
  const subject = { kind: "kpi_period", id: latest.id, label: `KPIs ${latest.period}` };
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, "subject">) => findings.push({ ...f, subject });
  const p = latest.period;

  // Good is below the watch level; the watch band includes both ends (docs/rules.md: "5-15% watch").
  const phishing = latest.phishingFailurePct;
  if (phishing !== undefined && phishing > k.phishingHighPct) {
    add({
      code: "kpi.phishing_failure_high",
      severity: "high",
      message: `Phishing simulation failure rate was ${num(phishing)}% in ${p}, above ${num(k.phishingHighPct)}%: agents need immediate retraining.`,
      observed: `${num(phishing)}%`,
      threshold: `at most ${num(k.phishingHighPct)}% (good below ${num(k.phishingWatchPct)}%)`,
      source: SOURCES.phishing,
    });
  } else if (phishing !== undefined && phishing >= k.phishingWatchPct) {
    add({
      code: "kpi.phishing_failure_watch",
      severity: "medium",
      message: `Phishing simulation failure rate was ${num(phishing)}% in ${p}, in the watch band (${num(k.phishingWatchPct)}-${num(k.phishingHighPct)}%); good is below ${num(k.phishingWatchPct)}%.`,
      observed: `${num(phishing)}%`,
      threshold: `below ${num(k.phishingWatchPct)}%`,
      source: SOURCES.phishing,
    });
  }

  const bypass = latest.verificationBypassCount;
  if (bypass !== undefined && bypass > 0) {
    add({
      code: "kpi.verification_bypass",
      severity: "blocker",
      message: `${bypass} tier 2/3 action${bypass === 1 ? " was" : "s were"} completed without verification in ${p}; the target is zero.`,
      observed: `${bypass} bypass incident${bypass === 1 ? "" : "s"}`,
      threshold: "0",
      source: SOURCES.verificationBypass,
    });
  }

  const mtte = latest.meanTimeToEscalateMinutes;
  if (mtte !== undefined && mtte >= k.meanTimeToEscalateMaxMinutes) {
    add({
      code: "kpi.escalation_slow",
      severity: "medium",
      message: `Mean time to escalate a suspicious request was ${num(mtte)} minutes in ${p}; the target is under ${num(k.meanTimeToEscalateMaxMinutes)} minutes.`,
      observed: `${num(mtte)} minutes`,
      threshold: `under ${num(k.meanTimeToEscalateMaxMinutes)} minutes`,
      source: SOURCES.escalationTime,
    });
  }

  const training = latest.trainingCompletionPct;
  if (training !== undefined && training < k.trainingCompletionMinPct) {
    add({
      code: "kpi.training_incomplete",
      severity: "medium",
      message: `Security training completion was ${num(training)}% in ${p}, below the ${num(k.trainingCompletionMinPct)}% minimum.`,
      observed: `${num(training)}%`,
      threshold: `at least ${num(k.trainingCompletionMinPct)}%`,
      source: SOURCES.training,
    });
  }

  const reviewAge = latest.privilegeReviewAgeDays;
  if (reviewAge !== undefined && reviewAge > k.privilegeReviewMaxDays) {
    add({
      code: "kpi.privilege_review_overdue",
      severity: "medium",
      message: `Privileges were last reviewed ${reviewAge} days before the end of ${p}; they should be reviewed within ${k.privilegeReviewMaxDays} days.`,
      observed: `${reviewAge} days`,
      threshold: `at most ${k.privilegeReviewMaxDays} days`,
      source: SOURCES.privilegeReview,
    });
  }

  // "High, trend up" is good; a fall against the last period that reported the rate is the finding.
  const rate = latest.escalationRatePct;
  const previous = periods
    .slice(0, -1)
    .reverse()
    .find((x) => x.escalationRatePct !== undefined);
  if (rate !== undefined && previous?.escalationRatePct !== undefined && rate < previous.escalationRatePct) {
    add({
      code: "kpi.escalation_rate_falling",
      severity: "low",
      message: `The social-engineering escalation rate fell from ${num(previous.escalationRatePct)}% in ${previous.period} to ${num(rate)}% in ${p}; it should hold or rise.`,
      observed: `${num(rate)}% (was ${num(previous.escalationRatePct)}%)`,
      threshold: `at least ${num(previous.escalationRatePct)}% (no fall)`,
      source: SOURCES.escalationRate,
    });
  }

  const unreported = KPI_KEYS.filter((key) => latest[key] === undefined).map((key) => KPI_LABELS[key]);
  if (unreported.length > 0) {
    add({
      code: "kpi.not_reported",
      severity: "low",
      message: `${p} does not report the ${listInWords(unreported)}; unknown KPIs cannot pass.`,
      observed: `${unreported.length} of ${KPI_KEYS.length} KPIs unknown`,
      threshold: "every KPI reported",
      source: SOURCES.kpis,
    });
  }

  return findings;
};
