import {
  addMonthsToDay,
  daysUntil,
  describeAge,
  describeDue,
  describeRelative,
  formatDayForPeople,
  hasReachedMonthsAfter,
  isMoreThanMonthsAfter,
} from "@/lib/domain/dates";
import type { InsurancePolicy, IsoCertificate, Pentest, Soc2Report } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import type { Tone } from "./status-badges";

// Per-record states for badges and the timeline. They use the same date rules
// and settings as the findings engine (lib/domain/dates.ts, soc2-status.ts),
// so a badge can never say "current" while a finding says "stale".

export interface RecordState {
  label: string;
  tone: Tone;
  /** Relative wording for people: "stale for 3 months", "expires in 12 days". */
  detail: string;
}

/** SOC 2: current / due for renewal / stale, counted from the audit period end. */
export function soc2State(report: Pick<Soc2Report, "periodEnd">, settings: Settings, now: Date): RecordState & { validUntil: string } {
  const { soc2StaleMonths, soc2DueMonths } = settings.assurance;
  const validUntil = addMonthsToDay(report.periodEnd, soc2StaleMonths);
  if (isMoreThanMonthsAfter(report.periodEnd, soc2StaleMonths, now)) {
    return { label: "Stale", tone: "bad", detail: describeAge(validUntil, now), validUntil };
  }
  if (hasReachedMonthsAfter(report.periodEnd, soc2DueMonths, now)) {
    return { label: "Due for renewal", tone: "warn", detail: staleAfter(validUntil, now), validUntil };
  }
  return { label: "Current", tone: "ok", detail: describeDue(addMonthsToDay(report.periodEnd, soc2DueMonths), now, "renewal"), validUntil };
}

/** ISO/IEC 27001: valid / expiring (within isoExpiringDays) / expired. */
export function isoState(cert: Pick<IsoCertificate, "expiryDate">, settings: Settings, now: Date): RecordState {
  const days = daysUntil(cert.expiryDate, now);
  const detail = describeDue(cert.expiryDate, now, "expiry");
  if (days < 0) return { label: "Expired", tone: "bad", detail };
  if (days <= settings.assurance.isoExpiringDays) return { label: "Expiring", tone: "warn", detail };
  return { label: "Valid", tone: "ok", detail };
}

/** Insurance: in force / expiring (within expiringDays) / expired. */
export function insuranceState(policy: Pick<InsurancePolicy, "expiryDate">, settings: Settings, now: Date): RecordState {
  const days = daysUntil(policy.expiryDate, now);
  const detail = describeDue(policy.expiryDate, now, "expiry");
  if (days < 0) return { label: "Expired", tone: "bad", detail };
  if (days <= settings.insurance.expiringDays) return { label: "Expiring", tone: "warn", detail };
  return { label: "In force", tone: "ok", detail };
}

/** Pen test: recent / stale after pentestMaxAgeMonths. */
export function pentestState(test: Pick<Pentest, "performedOn">, settings: Settings, now: Date): RecordState & { validUntil: string } {
  const max = settings.assurance.pentestMaxAgeMonths;
  const validUntil = addMonthsToDay(test.performedOn, max);
  if (isMoreThanMonthsAfter(test.performedOn, max, now)) {
    return { label: "Stale", tone: "bad", detail: describeAge(validUntil, now), validUntil };
  }
  return { label: "Recent", tone: "ok", detail: staleAfter(validUntil, now), validUntil };
}

/** "stale after 31 May 2026 (in 2 months)": the last good day is validUntil. */
function staleAfter(validUntil: string, now: Date): string {
  return `stale after ${formatDayForPeople(validUntil)} (${describeRelative(validUntil, now)})`;
}
