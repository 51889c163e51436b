import { addDaysToDay, daysUntil, formatDayForPeople, plural, type IsoDate } from "../dates";
import { findingKey, type Finding } from "../findings/finding";

// Risk acceptance (docs/assessments.md, "Risk acceptance"; docs/rules.md §9):
// a person with the admin or security role records that the organisation
// accepts named open findings of an assessment, with a written reason, until
// an expiry at most settings.signOff.riskAcceptanceMaxDays away. A High
// rating cannot be approved without one. Once it has expired while any
// finding it accepted is still open, it is itself a high finding, so the
// vendor cannot drift past an acceptance nobody renewed.

export const RISK_ACCEPTANCE_SOURCE = "Organisation policy (a risk acceptance holds for a limited time)";

export interface AcceptedFinding {
  key: string;
  code: string;
  message: string;
  subject: Finding["subject"];
}

export interface RiskAcceptanceLike {
  id: string;
  acceptedByName: string;
  reason: string;
  findings: readonly AcceptedFinding[];
  /** "YYYY-MM-DD": the last day the acceptance holds. */
  expiresOn: IsoDate;
  createdAt: Date | string;
}

export function acceptedFindingOf(f: Finding): AcceptedFinding {
  return { key: findingKey(f), code: f.code, message: f.message, subject: f.subject };
}

/** The expiry day itself still holds. */
export function isRiskAcceptanceExpired(a: Pick<RiskAcceptanceLike, "expiresOn">, now: Date): boolean {
  return daysUntil(a.expiresOn, now) < 0;
}

/** The latest day an acceptance recorded at `now` may hold. */
export function latestRiskAcceptanceExpiry(now: Date, maxDays: number): IsoDate {
  return addDaysToDay(now, maxDays);
}

/** The findings that must be accepted before a High rating can be approved: every open blocker and high finding. */
export function findingsNeedingAcceptance(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.severity === "blocker" || f.severity === "high");
}

/**
 * "risk_acceptance.expired" (high) for the vendor's latest acceptance once it
 * has expired, while any finding it accepted is still among `current`. Pure:
 * the same acceptances, findings and `now` give the same answer.
 */
export function riskAcceptanceFindings(acceptances: readonly RiskAcceptanceLike[], current: readonly Finding[], now: Date): Finding[] {
  const recordedAt = (a: RiskAcceptanceLike) => new Date(a.createdAt).getTime();
  const latest = acceptances.reduce<RiskAcceptanceLike | undefined>((best, a) => (!best || recordedAt(a) > recordedAt(best) ? a : best), undefined);
  if (!latest || !isRiskAcceptanceExpired(latest, now)) return [];
  const open = new Set(current.map(findingKey));
  const stillOpen = latest.findings.filter((f) => open.has(f.key));
  if (stillOpen.length === 0) return [];
  const expired = formatDayForPeople(latest.expiresOn);
  return [
    {
      code: "risk_acceptance.expired",
      severity: "high",
      message: `The risk acceptance recorded by ${latest.acceptedByName} expired on ${expired}, and ${plural(stillOpen.length, "accepted finding")} ${stillOpen.length === 1 ? "is" : "are"} still open: renew the acceptance or remediate.`,
      observed: `expired on ${expired}; ${plural(stillOpen.length, "finding")} still open`,
      threshold: "an acceptance in force, or no accepted finding left open",
      source: RISK_ACCEPTANCE_SOURCE,
      subject: { kind: "risk_acceptance", id: latest.id, label: `Risk acceptance until ${expired}` },
    },
  ];
}
