// Clause status is computed, never typed: a reviewer records presence and the
// structured value, and the rules below decide "deviating". The clause opts
// into rules by name in the catalogue data, so a new clause with an existing
// kind of rule needs no code change.
import type { ClauseReviewRow } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import { formatHours } from "@/lib/domain/durations";
import { formatMoney } from "@/lib/domain/money";
import type { DataCategory, Industry } from "@/lib/domain/vocabulary";
import { type ClauseCatalogueEntry, type DeviationRule, CLAUSE_CATALOGUE, catalogueEntry } from "./clause-catalogue";
import type { ClauseStatus } from "./legal-vocabulary";

export interface ClauseContext {
  /** The catalogue entry of row.clauseCode; looked up in the seeded catalogue when omitted. */
  clause?: ClauseCatalogueEntry;
  dataCategories: readonly DataCategory[];
  industries: readonly Industry[];
  /** Per-occurrence cyber insurance minimum for this vendor (docs/rules.md §3), minor units. */
  insuranceMinimumMinor: number;
  /** Currency of insuranceMinimumMinor. */
  currency: string;
}

export interface DeviationCheck {
  rule: DeviationRule;
  /** Sentence for people: what was seen against what is required. */
  reason: string;
  observed: string;
  threshold: string;
}

export interface ClauseStatusResult {
  status: ClauseStatus;
  /** Why the clause deviates (all failing checks, joined). */
  reason?: string;
  checks: DeviationCheck[];
}

export function computeClauseStatus(row: ClauseReviewRow, context: ClauseContext, settings: Settings): ClauseStatusResult {
  if (row.presence !== "present") return { status: row.presence, checks: [] };
  const clause = context.clause ?? catalogueEntry(CLAUSE_CATALOGUE, row.clauseCode);
  const checks = (clause?.deviationRules ?? [])
    .map((rule) => RULES[rule](row, context, settings))
    .filter((c): c is DeviationCheck => c !== undefined);
  if (checks.length === 0) return { status: "present", checks };
  return { status: "deviating", reason: checks.map((c) => c.reason).join(" "), checks };
}

/** Financial or health data, or a fintech/healthcare engagement, needs quarterly training (docs/rules.md §4). */
export function needsSensitiveTrainingCadence(context: Pick<ClauseContext, "dataCategories" | "industries">, settings: Settings): boolean {
  const c = settings.contract;
  return (
    context.dataCategories.some((d) => c.trainingSensitiveDataCategories.includes(d)) ||
    context.industries.some((i) => c.trainingSensitiveIndustries.includes(i))
  );
}

type Rule = (row: ClauseReviewRow, context: ClauseContext, settings: Settings) => DeviationCheck | undefined;

const RULES: Record<DeviationRule, Rule> = {
  // docs/rules.md §4 / docs/rules.md: notify within 24 h, leaving room inside GDPR Art. 33's 72 h.
  notification_hours_max(row, _context, settings) {
    const max = settings.contract.incidentNotificationMaxHours;
    const threshold = `at most ${formatHours(max)}`;
    if (row.hours === undefined) {
      return { rule: "notification_hours_max", observed: "no deadline stated", threshold, reason: `No notification deadline is recorded; at most ${formatHours(max)} is required.` };
    }
    if (row.hours > max) {
      return { rule: "notification_hours_max", observed: formatHours(row.hours), threshold, reason: `Notification within ${formatHours(row.hours)} exceeds the ${max}-hour maximum.` };
    }
    return undefined;
  },

  // docs/rules.md §4 / docs/rules.md: we audit directly or through a third party; vendor reports alone are weaker.
  audit_scope_direct(row) {
    if (row.auditScope !== "reports_only") return undefined;
    return {
      rule: "audit_scope_direct",
      observed: "vendor's own reports only",
      threshold: "audit by us or a third party we appoint",
      reason: "The audit right is limited to the vendor's own reports (e.g. SOC 2); we cannot audit directly or through a third party.",
    };
  },

  // docs/rules.md §4 ("with reasonable notice"): settings.contract.auditNoticeMaxDays.
  audit_notice_days_max(row, _context, settings) {
    const max = settings.contract.auditNoticeMaxDays;
    if (row.days === undefined || row.days <= max) return undefined;
    return { rule: "audit_notice_days_max", observed: `${row.days} days' notice`, threshold: `at most ${max} days`, reason: `Audits need ${row.days} days' notice; more than ${max} days is not reasonable notice.` };
  },

  // docs/rules.md §4: trained at least annually, quarterly for financial or health data.
  training_cadence_max(row, context, settings) {
    const sensitive = needsSensitiveTrainingCadence(context, settings);
    const max = sensitive ? settings.contract.trainingCadenceSensitiveMaxMonths : settings.contract.trainingCadenceMaxMonths;
    const why = sensitive ? " (financial or health data)" : "";
    const threshold = `at least every ${max} months${why}`;
    if (row.months === undefined) {
      return { rule: "training_cadence_max", observed: "no cadence stated", threshold, reason: `No training cadence is recorded; training at least every ${max} months${why} is required.` };
    }
    if (row.months > max) {
      return { rule: "training_cadence_max", observed: `every ${row.months} months`, threshold, reason: `Training every ${row.months} months is less often than every ${max} months${why}.` };
    }
    return undefined;
  },

  // docs/rules.md §3-4: the cap must not be below the insurance minimum for the vendor's tier.
  liability_cap_covers_insurance_minimum(row, context) {
    const threshold = `at least ${formatMoney(context.insuranceMinimumMinor, context.currency)}`;
    if (row.amountMinor === undefined) {
      return {
        rule: "liability_cap_covers_insurance_minimum",
        observed: "no amount recorded",
        threshold,
        reason: "The cap has no recorded amount (e.g. it is a multiple of fees); record its current value to compare it with the insurance minimum.",
      };
    }
    if (row.currency !== context.currency) {
      // No exchange rates in pure rules: ask for the amount in the policy currency instead of guessing.
      return {
        rule: "liability_cap_covers_insurance_minimum",
        observed: formatMoney(row.amountMinor, row.currency ?? "?"),
        threshold,
        reason: `The cap is in ${row.currency} and the insurance minimum in ${context.currency}; record the cap's ${context.currency} equivalent to compare.`,
      };
    }
    if (row.amountMinor < context.insuranceMinimumMinor) {
      return {
        rule: "liability_cap_covers_insurance_minimum",
        observed: formatMoney(row.amountMinor, context.currency),
        threshold,
        reason: `The liability cap of ${formatMoney(row.amountMinor, context.currency)} is below the insurance minimum of ${formatMoney(context.insuranceMinimumMinor, context.currency)}.`,
      };
    }
    return undefined;
  },
};
