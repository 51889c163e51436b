import type { Finding } from "../finding";
import { daysUntil, describeDue, formatDayForPeople } from "../../dates";
import { formatMoney } from "../../money";
import { insuranceMinimum } from "../../vendors/tier";
import { latestBy, tierSeverity, type FindingRule } from "./context";
import { insuranceLabel } from "../subject-labels";
import { SOURCES } from "./sources";

/**
 * Cyber liability insurance (docs/rules.md §3): judged on the policy that expires
 * last. Limits are compared only in the organisation's currency; converting
 * at some exchange rate would make the finding unexplainable.
 */
export const insuranceRules: FindingRule = (ctx) => {
  const { dossier, settings, now } = ctx;
  const minimum = insuranceMinimum(ctx.tier.tier, dossier.profile.industries, settings);
  const minimumText = `${formatMoney(minimum.minimumMinor, minimum.currency)} per occurrence (${minimum.basis})`;
  const policy = latestBy(dossier.insurancePolicies, (p) => p.expiryDate);
  if (!policy) {
    return [
      {
        code: "insurance.missing",
        severity: tierSeverity(ctx, "high", "medium"),
        message: `No cyber liability insurance is on file; the minimum is ${minimumText}.`,
        observed: "no policy",
        threshold: `at least ${minimumText}`,
        source: SOURCES.insurance,
        subject: { kind: "insurance_policy" },
      },
    ];
  }

  const findings: Finding[] = [];
  const subject = { kind: "insurance_policy", id: policy.id, label: insuranceLabel(policy) };
  const { expiringDays } = settings.insurance;
  const daysLeft = daysUntil(policy.expiryDate, now);
  const expiry = formatDayForPeople(policy.expiryDate);
  if (daysLeft < 0) {
    findings.push({
      code: "insurance.expired",
      severity: tierSeverity(ctx, "high", "medium"),
      message: `${insuranceLabel(policy)} ${describeDue(policy.expiryDate, now)} (expiry date ${expiry}); there is no current financial backstop.`,
      observed: `expired on ${expiry}`,
      threshold: "in force today",
      source: SOURCES.insurance,
      subject,
    });
  } else if (daysLeft <= expiringDays) {
    findings.push({
      code: "insurance.expiring",
      severity: "low",
      message: `${insuranceLabel(policy)} ${describeDue(policy.expiryDate, now)} (${expiry}); policies are flagged within ${expiringDays} days of expiry. Ask for the renewal certificate.`,
      observed: `${daysLeft} day${daysLeft === 1 ? "" : "s"} until expiry`,
      threshold: `more than ${expiringDays} days until expiry`,
      source: SOURCES.insurance,
      subject,
    });
  }

  if (policy.currency !== minimum.currency) {
    findings.push({
      code: "insurance.currency_mismatch",
      severity: "medium",
      message: `${insuranceLabel(policy)} states its limits in ${policy.currency}, but the minimum is set in ${minimum.currency}, so the limit (${formatMoney(policy.perOccurrenceMinor, policy.currency)}) cannot be compared with ${minimumText}. Review it by hand or ask for a ${minimum.currency} statement.`,
      observed: policy.currency,
      threshold: minimum.currency,
      source: SOURCES.insurance,
      subject,
    });
  } else if (policy.perOccurrenceMinor < minimum.minimumMinor) {
    findings.push({
      code: "insurance.below_minimum",
      severity: tierSeverity(ctx, "high", "medium"),
      message: `${insuranceLabel(policy)} covers ${formatMoney(policy.perOccurrenceMinor, policy.currency)} per occurrence, below the minimum of ${minimumText}.`,
      observed: `${formatMoney(policy.perOccurrenceMinor, policy.currency)} per occurrence`,
      threshold: `at least ${minimumText}`,
      source: SOURCES.insurance,
      subject,
    });
  }

  return findings;
};
