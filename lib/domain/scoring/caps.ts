import { describeElapsed, formatDayForPeople } from "../dates";
import { SOC2_TYPE_LABELS } from "../dossier-vocabulary";
import { latestBy } from "../findings/context";
import { isoCertificateState } from "../iso-status";
import { soc2Status } from "../soc2-status";
import { formatLimit, FLOAT_TOLERANCE } from "./format";
import type { CapResult } from "./types";
import type { ScoringContext } from "./context";

// Caps (domain.md §8): ceilings applied after the weighted mean, whatever the
// domains score. Limits are settings.scoring.caps.

export const CAP_LABELS = {
  no_assurance: "no current SOC 2 Type II and no valid ISO 27001",
  blocker: "blocker present",
} as const;

/** Seed 000: without a current SOC 2 Type II or a valid ISO 27001 certificate there is no independent assurance at all. */
function noAssuranceCap(ctx: ScoringContext, overall: number): CapResult {
  const limit = ctx.settings.scoring.caps.noAssurance;
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
      ? `${validIso.length} valid ISO/IEC 27001 certificate${validIso.length === 1 ? "" : "s"}`
      : !latestIso
        ? "no ISO/IEC 27001 certificate"
        : isoCertificateState(latestIso, ctx.now) === "expired"
          ? `ISO/IEC 27001 certificate expired on ${formatDayForPeople(latestIso.expiryDate)}`
          : "ISO/IEC 27001 certificate to the superseded 2013 edition";
  const lowered = triggered && overall > limit + FLOAT_TOLERANCE;
  return {
    code: "no_assurance",
    label: CAP_LABELS.no_assurance,
    limit,
    triggered,
    lowered,
    reason: triggered
      ? `Neither a current SOC 2 Type II nor a valid ISO/IEC 27001 certificate: ${soc2Text}; ${isoText}. The score is capped at ${formatLimit(limit)}.`
      : `Not applied: ${soc2.satisfiesElevatedRequirement ? soc2Text : isoText}.`,
  };
}

/** domain.md §8: any blocker finding (missing 24h notification or right to audit for Critical/High, Chapter V exposure, verification bypass…). */
function blockerCap(ctx: ScoringContext, overall: number): CapResult {
  const limit = ctx.settings.scoring.caps.blocker;
  const blockers = ctx.findings.filter((f) => f.severity === "blocker");
  const triggered = blockers.length > 0;
  const lowered = triggered && overall > limit + FLOAT_TOLERANCE;
  return {
    code: "blocker",
    label: CAP_LABELS.blocker,
    limit,
    triggered,
    lowered,
    reason: triggered
      ? `${blockers.length} blocker finding${blockers.length === 1 ? "" : "s"}: ${blockers.map((b) => b.message).join(" ")} The score is capped at ${formatLimit(limit)}.`
      : "Not applied: no blocker finding.",
    findings: blockers.map((b) => ({ code: b.code, message: b.message, subject: b.subject })),
  };
}

export function capsFor(ctx: ScoringContext, overall: number): CapResult[] {
  return [noAssuranceCap(ctx, overall), blockerCap(ctx, overall)];
}
