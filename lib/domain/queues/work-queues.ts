import { SEVERITY_RANK, type Severity } from "../vocabulary";

// The per-role work queues (README, "Each role lands on its own queue"): which
// stored open findings (lib/domain/findings/*) each queue section lists. The
// codes are the findings engine's stable codes, so a section and the vendor
// page always name the same problem.

export type QueueFindingSection = "insurance" | "assurance" | "kpi" | "incidents";

export const QUEUE_FINDING_CODES: Record<QueueFindingSection, readonly string[]> = {
  // Procurement owns insurance (docs/rules.md, roles): lapsed, lapsing, too low, unknown currency.
  insurance: ["insurance.missing", "insurance.expired", "insurance.expiring", "insurance.below_minimum", "insurance.currency_mismatch"],
  // Security: SOC 2 reports stale or due for renewal, ISO certificates expired or expiring.
  assurance: ["soc2.stale", "soc2.due", "iso.expired", "iso.expiring"],
  // KPI breaches: a reported value past its threshold (not a missing report).
  kpi: ["kpi.phishing_failure_high", "kpi.phishing_failure_watch", "kpi.verification_bypass", "kpi.escalation_slow", "kpi.training_incomplete", "kpi.privilege_review_overdue", "kpi.escalation_rate_falling"],
  // Incidents notified after the contractual window, or not notified once it passed.
  incidents: ["incident.notified_late", "incident.not_notified"],
};

/** Severities most urgent first, for ordering queue rows in SQL. */
export const SEVERITIES_BY_URGENCY: readonly Severity[] = (Object.keys(SEVERITY_RANK) as Severity[]).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b]);

/** How far ahead legal's queue lists contract notice deadlines. */
export const NOTICE_DEADLINE_DAYS = 90;

/** Rows per page in every queue section. */
export const QUEUE_PAGE_SIZE = 10;
