import { isAfterNow } from "../../assurance/future-dated";
import type { Finding } from "../finding";
import { describeElapsed, formatDayForPeople, isMoreThanMonthsAfter } from "../../dates";
import { latestBy, tierSeverity, type FindingRule } from "./context";
import { SOURCES } from "./sources";

/** Penetration test / VAPT (docs/rules.md §2): the latest report must be recent and clean. */
export const pentestRules: FindingRule = (ctx) => {
  const { pentestMaxAgeMonths } = ctx.settings.assurance;
  // A test dated after today is invalid input, never current (lib/domain/assurance/future-dated.ts).
  const latest = latestBy(ctx.dossier.pentests.filter((p) => !isAfterNow(p.performedOn, ctx.now)), (p) => p.performedOn);
  if (!latest) {
    return [
      {
        code: "pentest.missing",
        severity: tierSeverity(ctx, "medium", "low"),
        message: `No penetration test (VAPT) report is on file; one from the last ${pentestMaxAgeMonths} months is expected.`,
        observed: "no report",
        threshold: `a test within the last ${pentestMaxAgeMonths} months`,
        source: SOURCES.pentest,
        subject: { kind: "pentest" },
      },
    ];
  }
  const findings: Finding[] = [];
  const performed = formatDayForPeople(latest.performedOn);
  const subject = { kind: "pentest", id: latest.id, label: `Penetration test of ${performed}` };
  if (isMoreThanMonthsAfter(latest.performedOn, pentestMaxAgeMonths, ctx.now)) {
    const age = describeElapsed(latest.performedOn, ctx.now);
    findings.push({
      code: "pentest.stale",
      severity: tierSeverity(ctx, "medium", "low"),
      message: `The latest penetration test was performed on ${performed}, ${age} ago; tests older than ${pentestMaxAgeMonths} months are stale.`,
      observed: `${age} old`,
      threshold: `at most ${pentestMaxAgeMonths} months old`,
      source: SOURCES.pentest,
      subject,
    });
  }
  if (latest.openCriticalHigh > 0) {
    const n = latest.openCriticalHigh;
    findings.push({
      code: "pentest.open_critical_high",
      severity: "high",
      message: `The penetration test of ${performed} has ${n} critical/high finding${n === 1 ? "" : "s"} still open; expected 0.`,
      observed: `${n} open critical/high`,
      threshold: "0 open critical/high",
      source: SOURCES.pentest,
      subject,
    });
  }
  return findings;
};

/** Incident response plan, tested annually (docs/rules.md §2). */
export const incidentResponsePlanRules: FindingRule = (ctx) => {
  const { incidentResponseTestMaxAgeMonths: maxAge } = ctx.settings.assurance;
  const plans = ctx.dossier.incidentResponsePlans;
  if (plans.length === 0) {
    return [
      {
        code: "incident_response.missing",
        severity: "medium",
        message: `No incident response plan is on file; a plan tested at least every ${maxAge} months is expected.`,
        observed: "no plan",
        threshold: `a plan tested within ${maxAge} months`,
        source: SOURCES.incidentResponse,
        subject: { kind: "incident_response_plan" },
      },
    ];
  }
  const tested = latestBy(plans, (p) => p.lastTestedOn);
  if (!tested || tested.lastTestedOn === undefined) {
    const plan = plans[0];
    return [
      {
        code: "incident_response.never_tested",
        severity: "medium",
        message: `The incident response plan has never been tested; it should be exercised at least every ${maxAge} months.`,
        observed: "never tested",
        threshold: `tested within ${maxAge} months`,
        source: SOURCES.incidentResponse,
        subject: { kind: "incident_response_plan", id: plan?.id, label: "Incident response plan" },
      },
    ];
  }
  if (isMoreThanMonthsAfter(tested.lastTestedOn, maxAge, ctx.now)) {
    const age = describeElapsed(tested.lastTestedOn, ctx.now);
    return [
      {
        code: "incident_response.test_overdue",
        severity: "medium",
        message: `The incident response plan was last tested on ${formatDayForPeople(tested.lastTestedOn)}, ${age} ago; it should be tested at least every ${maxAge} months.`,
        observed: `last tested ${age} ago`,
        threshold: `tested within ${maxAge} months`,
        source: SOURCES.incidentResponse,
        subject: { kind: "incident_response_plan", id: tested.id, label: "Incident response plan" },
      },
    ];
  }
  return [];
};

/** Information security policy (docs/rules.md). */
export const securityPolicyRules: FindingRule = (ctx) =>
  ctx.dossier.securityPolicies.length > 0
    ? []
    : [
        {
          code: "security_policy.missing",
          severity: "medium",
          message: "No approved information security policy is on file.",
          observed: "no policy",
          threshold: "an approved information security policy",
          source: SOURCES.securityPolicy,
          subject: { kind: "security_policy" },
        },
      ];

/** Business continuity plan (docs/rules.md §2); least weight of the documents. */
export const continuityPlanRules: FindingRule = (ctx) =>
  ctx.dossier.continuityPlans.length > 0
    ? []
    : [
        {
          code: "bcp.missing",
          severity: "low",
          message: "No business continuity plan is on file.",
          observed: "no plan",
          threshold: "a business continuity plan",
          source: SOURCES.continuity,
          subject: { kind: "continuity_plan" },
        },
      ];
