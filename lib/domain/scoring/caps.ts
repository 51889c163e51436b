import { describeElapsed, formatDayForPeople } from "../dates";
import { SOC2_TYPE_LABELS } from "../dossier-vocabulary";
import type { Finding } from "../findings/finding";
import { latestBy } from "../findings/rules/context";
import { isoCertificateState } from "../assurance/iso-status";
import { soc2Status } from "../assurance/soc2-status";
import { TIER_LABELS } from "../vocabulary";
import { formatLimit, FLOAT_TOLERANCE } from "./format";
import type { CapCode, CapResult } from "./types";
import type { ScoringContext } from "./context";

// Ceilings (docs/scoring.md, "Ceilings"; docs/rules.md §8): the worst open
// finding bounds the best band a vendor can reach, so an average of sixty
// checks never hides one serious gap. Applied after the weighted mean; when
// several apply the lowest wins. Each limit is a setting
// (settings.scoring.caps) that the settings schema keeps strictly inside the
// band it names.

export const CAP_LABELS: Record<CapCode, string> = {
  no_assurance: "no current SOC 2 Type II and no valid ISO 27001",
  blocker: "blocker present",
  high_finding: "high finding open",
};

type CapFinding = NonNullable<CapResult["findings"]>[number];

function asCapFinding(f: Finding): CapFinding {
  return { code: f.code, message: f.message, subject: f.subject };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function capResult(code: CapCode, limit: number, overall: number, triggered: boolean, reason: string, findings: readonly Finding[]): CapResult {
  return {
    code,
    label: CAP_LABELS[code],
    limit,
    triggered,
    lowered: triggered && overall > limit + FLOAT_TOLERANCE,
    reason,
    findings: findings.map(asCapFinding),
  };
}

/**
 * Without a current SOC 2 Type II or a valid ISO 27001 certificate there is
 * no independent assurance at all: at most High for every tier, at most
 * Critical for a Critical or High tier vendor (docs/scoring.md, "Ceilings").
 */
function noAssuranceCap(ctx: ScoringContext, overall: number): CapResult {
  const limit = ctx.elevated ? ctx.settings.scoring.caps.noAssuranceElevated : ctx.settings.scoring.caps.noAssurance;
  const soc2 = soc2Status(ctx.dossier, ctx.settings, ctx.now);
  const validIso = ctx.dossier.isoCertificates.filter((c) => isoCertificateState(c, ctx.now) === "valid");
  const triggered = !soc2.satisfiesElevatedRequirement && validIso.length === 0;
  const soc2Text = !soc2.report
    ? "no SOC 2 report"
    : soc2.satisfiesElevatedRequirement
      ? `a current SOC 2 Type II (period ended ${formatDayForPeople(soc2.report.periodEnd)})`
      : `SOC 2 ${SOC2_TYPE_LABELS[soc2.report.type]} ${soc2.state === "stale" ? "stale" : "only"}, period ended ${formatDayForPeople(soc2.report.periodEnd)} (${describeElapsed(soc2.report.periodEnd, ctx.now)} ago)`;
  const latestIso = latestBy(ctx.dossier.isoCertificates, (c) => c.expiryDate);
  const isoText =
    validIso.length > 0
      ? `${plural(validIso.length, "valid ISO/IEC 27001 certificate")}`
      : !latestIso
        ? "no ISO/IEC 27001 certificate"
        : isoCertificateState(latestIso, ctx.now) === "expired"
          ? `ISO/IEC 27001 certificate expired on ${formatDayForPeople(latestIso.expiryDate)}`
          : isoCertificateState(latestIso, ctx.now) === "future_dated"
            ? `ISO/IEC 27001 certificate dated ${formatDayForPeople(latestIso.issueDate)}, after today`
            : "ISO/IEC 27001 certificate to the superseded 2013 edition";
  const tierText = `${TIER_LABELS[ctx.tier.tier]} tier, so at most ${ctx.elevated ? "Critical" : "High"}`;
  const evidence = triggered ? ctx.findings.filter((f) => f.code.startsWith("soc2.") || f.code.startsWith("iso.")) : [];
  return capResult(
    "no_assurance",
    limit,
    overall,
    triggered,
    triggered
      ? `Neither a current SOC 2 Type II nor a valid ISO/IEC 27001 certificate: ${soc2Text}; ${isoText}. ${tierText}: the score is capped at ${formatLimit(limit)}.`
      : `Not applied: ${soc2.satisfiesElevatedRequirement ? soc2Text : isoText}.`,
    evidence,
  );
}

/** Any open blocker (docs/scoring.md, "Ceilings"): at most High. */
function blockerCap(ctx: ScoringContext, overall: number): CapResult {
  const limit = ctx.settings.scoring.caps.blocker;
  const blockers = ctx.findings.filter((f) => f.severity === "blocker");
  const triggered = blockers.length > 0;
  return capResult(
    "blocker",
    limit,
    overall,
    triggered,
    triggered
      ? `${plural(blockers.length, "blocker finding")}: ${blockers.map((b) => b.message).join(" ")} The score is capped at ${formatLimit(limit)}.`
      : "Not applied: no blocker finding.",
    blockers,
  );
}

/** Any open high finding (docs/scoring.md, "Ceilings"): at most Medium. */
function highFindingCap(ctx: ScoringContext, overall: number): CapResult {
  const limit = ctx.settings.scoring.caps.highFinding;
  const highs = ctx.findings.filter((f) => f.severity === "high");
  const triggered = highs.length > 0;
  return capResult(
    "high_finding",
    limit,
    overall,
    triggered,
    triggered
      ? `${plural(highs.length, "high finding")}: ${highs.map((h) => h.message).join(" ")} The score is capped at ${formatLimit(limit)}.`
      : "Not applied: no high finding.",
    highs,
  );
}

export function capsFor(ctx: ScoringContext, overall: number): CapResult[] {
  return [noAssuranceCap(ctx, overall), blockerCap(ctx, overall), highFindingCap(ctx, overall)];
}
