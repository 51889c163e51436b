import { daysUntil, formatDayForPeople } from "../../dates";
import { latestBy } from "../../findings/rules/context";
import { insuranceLabel } from "../../findings/subject-labels";
import { SOURCES } from "../../findings/rules/sources";
import { formatMoney } from "../../money";
import { makeCheck, type CheckFamily } from "./make-check";

/**
 * Financial backstop (docs/rules.md §3, weight 10): cyber liability insurance,
 * judged on the policy that expires last, like insurance-rules.ts. Limits are
 * compared only in the organisation's currency (no exchange rates: a limit in
 * another currency is unknown, not converted).
 */
export const financialChecks: CheckFamily = (ctx) => {
  const minimum = ctx.insurance;
  const policy = latestBy(ctx.dossier.insurancePolicies, (p) => p.expiryDate);
  const subject = policy ? { kind: "insurance_policy", id: policy.id, label: insuranceLabel(policy) } : { kind: "insurance_policy" };
  const domain = "financial" as const;
  const source = SOURCES.insurance;

  const inForce = (() => {
    const base = { domain, code: "insurance.in_force", title: "Cyber liability insurance in force", source, threshold: "a policy in force today", subject };
    if (!policy) return makeCheck(base, "unknown", "no policy on file");
    const expired = daysUntil(policy.expiryDate, ctx.now) < 0;
    return makeCheck(base, expired ? "fail" : "pass", `${expired ? "expired on" : "expires"} ${formatDayForPeople(policy.expiryDate)}`);
  })();

  const limit = (() => {
    const required = `${formatMoney(minimum.minimumMinor, minimum.currency)} per occurrence (${minimum.basis})`;
    const base = { domain, code: "insurance.per_occurrence_minimum", title: "Per-occurrence limit meets the minimum", source, threshold: `at least ${required}`, subject };
    if (!policy) return makeCheck(base, "unknown", "no policy on file");
    const observed = `${formatMoney(policy.perOccurrenceMinor, policy.currency)} per occurrence`;
    if (policy.currency !== minimum.currency) {
      return makeCheck(base, "unknown", `${observed}, in ${policy.currency}: cannot be compared with a ${minimum.currency} minimum`);
    }
    return makeCheck(base, policy.perOccurrenceMinor < minimum.minimumMinor ? "fail" : "pass", observed);
  })();

  return [inForce, limit];
};
