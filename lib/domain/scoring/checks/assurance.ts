import { isAfterNow } from "../../assurance/future-dated";
import { describeElapsed, formatDayForPeople, isMoreThanMonthsAfter } from "../../dates";
import { SOC2_OPINION_LABELS, SOC2_TYPE_LABELS } from "../../dossier-vocabulary";
import { latestBy } from "../../findings/rules/context";
import { isoLabel, soc2Label } from "../../findings/subject-labels";
import { SOURCES } from "../../findings/rules/sources";
import { isoCertificateState } from "../../assurance/iso-status";
import { soc2Status } from "../../assurance/soc2-status";
import type { ScoreCheck } from "../types";
import type { ScoringContext } from "../context";
import { makeCheck, type CheckFamily } from "./make-check";

// Assurance reports (docs/rules.md §2, §8 weight 25): SOC 2, ISO/IEC 27001,
// penetration test, policy, incident response and continuity plans. Each
// check reads the same facts as the matching findings rule.

const domain = "assurance" as const;

function soc2Checks(ctx: ScoringContext): ScoreCheck[] {
  const { settings, now } = ctx;
  const { soc2StaleMonths, soc2BridgeLetterGapMonths } = settings.assurance;
  const status = soc2Status(ctx.dossier, settings, now);
  const report = status.report;
  const subject = report ? { kind: "soc2_report", id: report.id, label: soc2Label(report) } : { kind: "soc2_report" };
  const currencyThreshold = `a Type II report whose audit period ended at most ${soc2StaleMonths} months ago`;

  // docs/rules.md: only a current Type II satisfies the requirement; Type I is a point in time and counts much less.
  const currency = (() => {
    const base = { domain, code: "assurance.soc2_type2_current", title: "Current SOC 2 Type II report", source: SOURCES.soc2TypeII, threshold: currencyThreshold, subject };
    if (!report) return makeCheck(base, "unknown", "no SOC 2 report on file");
    const age = `${SOC2_TYPE_LABELS[report.type]}, period ended ${formatDayForPeople(report.periodEnd)} (${describeElapsed(report.periodEnd, now)} ago)`;
    if (status.state === "stale") return makeCheck(base, "fail", `${age}: stale`);
    if (report.type === "type1") return makeCheck(base, "partial", `${age}: Type I only, a point in time`);
    return makeCheck(base, "pass", status.state === "due" ? `${age}: due for renewal` : age);
  })();

  // docs/rules.md §2: a bridge letter covers the gap since the period end; past soc2BridgeLetterGapMonths one is expected.
  const bridge = (() => {
    const threshold = `at most ${soc2BridgeLetterGapMonths} months since the period end or the last bridge letter`;
    const base = { domain, code: "assurance.soc2_bridge_letter", title: "SOC 2 gap covered by a bridge letter", source: SOURCES.soc2Bridge, threshold, subject };
    if (!report) return makeCheck(base, "unknown", "no SOC 2 report on file");
    const letter = report.bridgeLetterDate !== undefined && report.bridgeLetterDate > report.periodEnd;
    const coveredUntil = letter ? report.bridgeLetterDate! : report.periodEnd;
    const gap = `${describeElapsed(coveredUntil, now)} since the ${letter ? `bridge letter of ${formatDayForPeople(coveredUntil)}` : `period end (${formatDayForPeople(coveredUntil)})`}`;
    const over = isMoreThanMonthsAfter(coveredUntil, soc2BridgeLetterGapMonths, now);
    return makeCheck(base, over ? "fail" : "pass", gap);
  })();

  // docs/rules.md §2: opinion and exceptions; adverse or disclaimer gives no assurance, qualified or exceptions some.
  const opinion = (() => {
    const base = {
      domain,
      code: "assurance.soc2_opinion",
      title: "SOC 2 opinion unqualified, no exceptions",
      source: `${SOURCES.soc2Opinion}; ${SOURCES.soc2Exceptions}`,
      threshold: "an unqualified opinion with 0 exceptions (qualified or exceptions: partial; adverse or disclaimer: fail)",
      subject,
    };
    if (!report) return makeCheck(base, "unknown", "no SOC 2 report on file");
    const n = report.exceptionCount;
    const observed = `${SOC2_OPINION_LABELS[report.opinion]} opinion, ${n} exception${n === 1 ? "" : "s"}`;
    if (report.opinion === "adverse" || report.opinion === "disclaimer") return makeCheck(base, "fail", observed);
    if (report.opinion === "qualified" || n > 0) return makeCheck(base, "partial", observed);
    return makeCheck(base, "pass", observed);
  })();

  return [currency, bridge, opinion];
}

function isoChecks(ctx: ScoringContext): ScoreCheck[] {
  const { dossier, now } = ctx;
  const certificates = dossier.isoCertificates;
  const valid = certificates.filter((c) => isoCertificateState(c, now) === "valid");

  // docs/rules.md §2: expired or superseded (2013 after IAF MD 26) certificates no longer count; unaccredited ones count less.
  const validity = (() => {
    const base = {
      domain,
      code: "assurance.iso27001_valid",
      title: "Valid ISO/IEC 27001 certificate",
      source: `${SOURCES.iso}; ${SOURCES.isoTransition}`,
      threshold: "an unexpired ISO/IEC 27001:2022 certificate from an accredited body (unaccredited: partial)",
    };
    if (certificates.length === 0) return makeCheck(base, "unknown", "no certificate on file", { subject: { kind: "iso_certificate" } });
    const accredited = valid.find((c) => c.accredited);
    if (accredited) {
      return makeCheck(base, "pass", `${isoLabel(accredited)}, valid until ${formatDayForPeople(accredited.expiryDate)}`, { subject: { kind: "iso_certificate", id: accredited.id, label: isoLabel(accredited) } });
    }
    const [first] = valid;
    if (first) {
      return makeCheck(base, "partial", `${isoLabel(first)} is valid but issued by ${first.certificationBody}, not an accredited body`, { subject: { kind: "iso_certificate", id: first.id, label: isoLabel(first) } });
    }
    const latest = latestBy(certificates, (c) => c.expiryDate)!;
    const state = isoCertificateState(latest, now);
    return makeCheck(base, "fail", state === "expired"
          ? `${isoLabel(latest)} expired on ${formatDayForPeople(latest.expiryDate)}`
          : state === "future_dated"
            ? `${isoLabel(latest)} is dated ${formatDayForPeople(latest.issueDate)}, after today: not valid evidence`
            : `${isoLabel(latest)} is to the superseded 2013 edition`, { subject: { kind: "iso_certificate", id: latest.id, label: isoLabel(latest) } });
  })();

  // docs/rules.md §2: a certificate whose scope does not cover the sites serving us does not count for them.
  const scope = (() => {
    const base = {
      domain,
      code: "assurance.iso27001_scope",
      title: "ISO/IEC 27001 scope covers every delivery site",
      source: SOURCES.isoScope,
      threshold: "every delivery site in the scope of a valid certificate (some sites: partial)",
      subject: { kind: "iso_certificate" },
    };
    if (certificates.length === 0) return makeCheck(base, "unknown", "no certificate on file");
    if (dossier.sites.length === 0) return makeCheck(base, "unknown", "no delivery site recorded");
    const covered = new Set(valid.flatMap((c) => c.coveredSiteIds));
    const n = dossier.sites.filter((s) => covered.has(s.id)).length;
    const total = dossier.sites.length;
    const observed = valid.length === 0 ? `no valid certificate, so 0 of ${total} sites covered` : `${n} of ${total} site${total === 1 ? "" : "s"} covered`;
    return makeCheck(base, n === total ? "pass" : n > 0 ? "partial" : "fail", observed);
  })();

  return [validity, scope];
}

function documentChecks(ctx: ScoringContext): ScoreCheck[] {
  const { dossier, settings, now } = ctx;
  const { pentestMaxAgeMonths, incidentResponseTestMaxAgeMonths } = settings.assurance;

  // docs/rules.md: the latest VAPT must be recent; open critical/high findings weaken it.
  const pentest = (() => {
    // A test dated after today is invalid input, never current (lib/domain/assurance/future-dated.ts).
    const latest = latestBy(dossier.pentests.filter((p) => !isAfterNow(p.performedOn, now)), (p) => p.performedOn);
    const base = {
      domain,
      code: "assurance.pentest",
      title: "Recent penetration test, no open critical/high findings",
      source: SOURCES.pentest,
      threshold: `a test within the last ${pentestMaxAgeMonths} months with 0 open critical/high findings (open findings: partial)`,
      subject: latest ? { kind: "pentest", id: latest.id, label: `Penetration test of ${formatDayForPeople(latest.performedOn)}` } : { kind: "pentest" },
    };
    if (!latest) return makeCheck(base, "unknown", "no penetration test report on file");
    const age = `performed ${formatDayForPeople(latest.performedOn)} (${describeElapsed(latest.performedOn, now)} ago), ${latest.openCriticalHigh} open critical/high`;
    if (isMoreThanMonthsAfter(latest.performedOn, pentestMaxAgeMonths, now)) return makeCheck(base, "fail", `${age}: stale`);
    return makeCheck(base, latest.openCriticalHigh > 0 ? "partial" : "pass", age);
  })();

  // docs/rules.md disclosure pack.
  const policy = (() => {
    const latest = latestBy(dossier.securityPolicies, (p) => p.approvedOn);
    const base = { domain, code: "assurance.security_policy", title: "Approved information security policy", source: SOURCES.securityPolicy, threshold: "an approved policy on file" };
    if (!latest) return makeCheck(base, "unknown", "no policy on file", { subject: { kind: "security_policy" } });
    return makeCheck(base, "pass", `${latest.title ?? "policy"} approved ${formatDayForPeople(latest.approvedOn)}`, { subject: { kind: "security_policy", id: latest.id, label: latest.title ?? "Information security policy" } });
  })();

  // docs/rules.md: an incident response plan tested annually; an untested or overdue plan is only half the control.
  const irp = (() => {
    const plans = dossier.incidentResponsePlans;
    const base = {
      domain,
      code: "assurance.incident_response_plan",
      title: "Incident response plan, tested",
      source: SOURCES.incidentResponse,
      threshold: `a plan tested within the last ${incidentResponseTestMaxAgeMonths} months (plan never or not recently tested: partial)`,
    };
    if (plans.length === 0) return makeCheck(base, "unknown", "no plan on file", { subject: { kind: "incident_response_plan" } });
    const tested = latestBy(plans, (p) => p.lastTestedOn);
    if (!tested || tested.lastTestedOn === undefined) {
      return makeCheck(base, "partial", "plan on file, never tested", { subject: { kind: "incident_response_plan", id: plans[0]!.id, label: "Incident response plan" } });
    }
    const overdue = isMoreThanMonthsAfter(tested.lastTestedOn, incidentResponseTestMaxAgeMonths, now);
    return makeCheck(base, overdue ? "partial" : "pass", `last tested ${formatDayForPeople(tested.lastTestedOn)} (${describeElapsed(tested.lastTestedOn, now)} ago)`, { subject: { kind: "incident_response_plan", id: tested.id, label: "Incident response plan" } });
  })();

  // docs/rules.md §2.
  const bcp = (() => {
    const [plan] = dossier.continuityPlans;
    const base = { domain, code: "assurance.continuity_plan", title: "Business continuity plan", source: SOURCES.continuity, threshold: "a plan on file" };
    if (!plan) return makeCheck(base, "unknown", "no plan on file", { subject: { kind: "continuity_plan" } });
    const tested = latestBy(dossier.continuityPlans, (p) => p.lastTestedOn);
    return makeCheck(base, "pass", tested?.lastTestedOn ? `plan on file, last tested ${formatDayForPeople(tested.lastTestedOn)}` : "plan on file", { subject: { kind: "continuity_plan", id: (tested ?? plan).id, label: "Business continuity plan" } });
  })();

  return [pentest, policy, irp, bcp];
}

export const assuranceChecks: CheckFamily = (ctx) => [...soc2Checks(ctx), ...isoChecks(ctx), ...documentChecks(ctx)];
