import type { Finding } from "../finding";
import {
  addMonthsToDay,
  describeAge,
  describeElapsed,
  formatDayForPeople,
  isMoreThanMonthsAfter,
} from "../../dates";
import { SOC2_OPINION_LABELS, type Soc2Opinion } from "../../dossier-vocabulary";
import { soc2Status } from "../../assurance/soc2-status";
import { TIER_LABELS, type Severity } from "../../vocabulary";
import { gapSeverity, type FindingRule } from "./context";
import { soc2Label } from "../subject-labels";
import { SOURCES } from "./sources";

const OPINION_SEVERITY: Record<Exclude<Soc2Opinion, "unqualified">, Severity> = {
  qualified: "medium",
  adverse: "high",
  disclaimer: "high",
};

/**
 * SOC 2 (docs/rules.md §2). Currency is judged on the latest Type II (else the
 * latest report); opinion, exceptions and bridge letter on that same report.
 */
export const soc2Rules: FindingRule = (ctx) => {
  const { settings, now } = ctx;
  const { soc2StaleMonths, soc2DueMonths, soc2BridgeLetterGapMonths } = settings.assurance;
  const status = soc2Status(ctx.dossier, settings, now);
  const tierLabel = TIER_LABELS[ctx.tier.tier];
  const required = ctx.elevated ? "a current SOC 2 Type II report" : "a current SOC 2 report";

  const report = status.report;
  if (!report) {
    return [
      {
        code: "soc2.missing",
        severity: gapSeverity(ctx),
        message: `No SOC 2 report is on file; ${tierLabel} vendors need ${required}.`,
        observed: "no SOC 2 report",
        threshold: required,
        source: SOURCES.soc2TypeII,
        subject: { kind: "soc2_report" },
      },
    ];
  }

  const subject = { kind: "soc2_report", id: report.id, label: soc2Label(report) };
  const periodEnd = formatDayForPeople(report.periodEnd);
  const elapsed = describeElapsed(report.periodEnd, now);
  const findings: Finding[] = [];

  if (report.type === "type1") {
    // Only reached when no Type II exists at all (selectCurrencyReport prefers Type II).
    findings.push({
      code: "soc2.type1_only",
      severity: gapSeverity(ctx),
      message: ctx.elevated
        ? `Only a SOC 2 Type I report (a point in time) is on file; ${tierLabel} vendors need a current Type II report covering a period of operation.`
        : "Only a SOC 2 Type I report (a point in time) is on file; a Type II report covering a period of operation counts for much more.",
      observed: "Type I only",
      threshold: "Type II",
      source: SOURCES.soc2TypeII,
      subject,
    });
  }

  if (status.state === "stale") {
    const staleFrom = addMonthsToDay(report.periodEnd, soc2StaleMonths);
    findings.push({
      code: "soc2.stale",
      severity: gapSeverity(ctx),
      message: `${soc2Label(report)} is stale: ${elapsed} since the audit period ended on ${periodEnd}, more than the ${soc2StaleMonths} months allowed (${describeAge(staleFrom, now)}). Raise the lapse with the vendor.`,
      observed: `${elapsed} since period end`,
      threshold: `at most ${soc2StaleMonths} months since period end`,
      source: SOURCES.soc2Currency,
      subject,
    });
  } else if (status.state === "due") {
    const staleAfter = formatDayForPeople(addMonthsToDay(report.periodEnd, soc2StaleMonths));
    findings.push({
      code: "soc2.due",
      severity: "low",
      message: `${soc2Label(report)} is due for renewal: ${elapsed} since the audit period ended on ${periodEnd} (renewal is due from ${soc2DueMonths} months; the report becomes stale after ${staleAfter}).`,
      observed: `${elapsed} since period end`,
      threshold: `renewal due from ${soc2DueMonths} months, stale after ${soc2StaleMonths}`,
      source: SOURCES.soc2Currency,
      subject,
    });
  }

  if (report.opinion !== "unqualified") {
    findings.push({
      code: "soc2.opinion",
      severity: OPINION_SEVERITY[report.opinion],
      message: `The auditor's opinion on ${soc2Label(report)} is ${SOC2_OPINION_LABELS[report.opinion].toLowerCase()}, not unqualified.`,
      observed: SOC2_OPINION_LABELS[report.opinion],
      threshold: "Unqualified",
      source: SOURCES.soc2Opinion,
      subject,
    });
  }

  if (report.exceptionCount > 0) {
    findings.push({
      code: "soc2.exceptions",
      severity: "medium",
      message: `${soc2Label(report)} reports ${report.exceptionCount} exception${report.exceptionCount === 1 ? "" : "s"}; expected 0. Review each one and the vendor's remediation.`,
      observed: `${report.exceptionCount} exception${report.exceptionCount === 1 ? "" : "s"}`,
      threshold: "0 exceptions",
      source: SOURCES.soc2Exceptions,
      subject,
    });
  }

  // A bridge letter vouches for the time between the period end and its own
  // date. The uncovered gap runs from the later of the two; once it exceeds
  // soc2BridgeLetterGapMonths a (new) letter is expected. A stale report
  // needs a new audit, not a letter, so the stale finding replaces this one.
  if (status.state !== "stale") {
    const coveredUntil =
      report.bridgeLetterDate !== undefined && report.bridgeLetterDate > report.periodEnd
        ? report.bridgeLetterDate
        : report.periodEnd;
    if (isMoreThanMonthsAfter(coveredUntil, soc2BridgeLetterGapMonths, now)) {
      const gap = describeElapsed(coveredUntil, now);
      findings.push({
        code: "soc2.bridge_letter_gap",
        severity: "low",
        message:
          coveredUntil === report.periodEnd
            ? `No bridge letter covers the ${gap} since the SOC 2 audit period ended on ${periodEnd}; one is expected once the gap exceeds ${soc2BridgeLetterGapMonths} months.`
            : `The SOC 2 bridge letter dated ${formatDayForPeople(coveredUntil)} is ${gap} old; a new one is expected once the gap exceeds ${soc2BridgeLetterGapMonths} months.`,
        observed: `${gap} not covered by a bridge letter`,
        threshold: `at most ${soc2BridgeLetterGapMonths} months without a bridge letter`,
        source: SOURCES.soc2Bridge,
        subject,
      });
    }
  }

  return findings;
};
